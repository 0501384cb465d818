"""demo.load(every=0.05) repeats while the page is open: the clock reaches 'beat 2'."""

import itertools

import reactive as gr

counter = itertools.count(1)
with gr.Blocks() as demo:
    clock = gr.Textbox(label="Clock", elem_id="clock")
    demo.load(lambda: f"beat {next(counter)}", None, clock, every=0.05)

CHECK = [("expect_has", "clock", "beat ")]
