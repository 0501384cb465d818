"""gr.Interface(fn, Textbox, Textbox): submitting 'hey' shows 'HEY'."""

import reactive as gr

demo = gr.Interface(
    str.upper, gr.Textbox(label="Text", elem_id="text"), gr.Textbox(label="Upper", elem_id="upper")
)

CHECK = [("input", "text", "hey"), ("click", "button-2"), ("expect", "upper", "HEY")]
