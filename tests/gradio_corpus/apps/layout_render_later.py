"""A Textbox made with render=False and placed later with .render(); typing 'x' echoes 'x!'."""

import reactive as gr

late = gr.Textbox(label="Late", render=False, elem_id="late")
with gr.Blocks() as demo:
    source = gr.Textbox(label="Source", elem_id="source")
    late.render()
    source.change(lambda s: s + "!", source, late)

CHECK = [("input", "source", "x"), ("expect", "late", "x!")]
