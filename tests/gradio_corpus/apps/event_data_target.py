"""evt: gr.EventData names the component that fired: clicking Which shows 'which'."""

import reactive as gr

with gr.Blocks() as demo:
    out = gr.Textbox(label="Out", elem_id="out")
    btn = gr.Button("Which", elem_id="which")

    def whom(evt: gr.EventData):
        return evt.target.id

    btn.click(whom, None, out)

CHECK = [("click", "which"), ("expect", "out", "which")]
