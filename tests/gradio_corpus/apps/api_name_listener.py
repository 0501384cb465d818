"""api_name='shout' names the endpoint (and the function's id); clicking with 'hey' shows 'HEY'."""

import reactive as gr

with gr.Blocks() as demo:
    text = gr.Textbox(value="hey", label="Text", elem_id="text")
    out = gr.Textbox(label="Out", elem_id="out")
    gr.Button("Shout", elem_id="shout").click(
        str.upper, text, out, api_name="shout", show_progress="minimal"
    )

CHECK = [("click", "shout"), ("expect", "out", "HEY"), ("expect_function", "shout")]
