"""A Slider inside a closed Accordion; moving it to 7 shows 'level 7'."""

import reactive as gr

with gr.Blocks() as demo:
    with gr.Accordion("Settings", open=False):
        level = gr.Slider(0, 10, value=1, step=1, label="Level", elem_id="level")
    shown = gr.Textbox(label="Shown", elem_id="shown")
    level.change(lambda v: f"level {int(v)}", level, shown)

CHECK = [("input", "level", 7), ("expect", "shown", "level 7")]
