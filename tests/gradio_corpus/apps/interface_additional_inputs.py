"""gr.Interface(additional_inputs=[Slider]) passes them after the inputs and shows them in a
closed "Additional Inputs" accordion: submitting 'ab' with the slider at 3 shows 'ababab'.
"""

import reactive as gr


def repeat(text, times):
    return text * int(times)


demo = gr.Interface(
    repeat,
    gr.Textbox(label="Text", elem_id="text"),
    gr.Textbox(label="Repeated", elem_id="out"),
    additional_inputs=[gr.Slider(1, 5, value=2, step=1, label="Times", elem_id="times")],
)

CHECK = [
    ("input", "text", "ab"),
    ("input", "times", 3),
    ("click", "button-2"),
    ("expect", "out", "ababab"),
]
