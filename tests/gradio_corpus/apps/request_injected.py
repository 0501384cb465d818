"""request: gr.Request is injected by annotation: clicking shows 'session known'."""

import reactive as gr

with gr.Blocks() as demo:
    out = gr.Textbox(label="Out", elem_id="out")

    def who(request: gr.Request):
        return "session known" if request.session_hash else "no session"

    gr.Button("Who", elem_id="who").click(who, None, out)

CHECK = [("click", "who"), ("expect", "out", "session known")]
