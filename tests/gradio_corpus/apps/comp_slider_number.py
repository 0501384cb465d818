"""A Slider and a Number kept in step: sliding to 40 puts 40 in the Number."""

import reactive as gr

with gr.Blocks() as demo:
    slider = gr.Slider(0, 100, value=0, step=1, label="Slide", elem_id="slider")
    number = gr.Number(label="Number", elem_id="number")
    slider.change(lambda v: v, slider, number)

CHECK = [("input", "slider", 40), ("expect", "number", 40)]
