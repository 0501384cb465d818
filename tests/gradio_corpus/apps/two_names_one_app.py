"""One Blocks under two names (blocks = gr.Blocks(); with blocks as demo:) is one app:
Go shows 'one'.
"""

import reactive as gr

blocks = gr.Blocks()
with blocks as demo:
    out = gr.Textbox(label="Out", elem_id="out")
    gr.Button("Go", elem_id="go").click(lambda: "one", None, out)

CHECK = [("click", "go"), ("expect", "out", "one")]
