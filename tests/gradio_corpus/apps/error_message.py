"""gr.Error from a listener is shown to the person: clicking Fail shows 'Nope: try again'."""

import reactive as gr

with gr.Blocks() as demo:
    out = gr.Textbox(label="Out", elem_id="out")

    def fail():
        raise gr.Error("Nope: try again")

    gr.Button("Fail", elem_id="fail").click(fail, None, out)

CHECK = [("click", "fail"), ("expect_error", "Nope: try again")]
