"""A js= listener runs in the page (fn=None) beside a Python one: Python's click shows 'from
python'.
"""

import reactive as gr

with gr.Blocks() as demo:
    text = gr.Textbox(value="abc", label="Text", elem_id="text")
    out = gr.Textbox(label="Out", elem_id="out")
    gr.Button("Reverse in the page", elem_id="js").click(
        None, text, out, js="(t) => t.split('').reverse().join('')"
    )
    gr.Button("Python", elem_id="py").click(lambda: "from python", None, out)

CHECK = [("click", "py"), ("expect", "out", "from python"), ("expect_js", "js")]
