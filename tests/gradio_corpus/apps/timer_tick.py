"""gr.Timer(0.05).tick counts while the page is open: the count reaches 'tick 3'."""

import reactive as gr

with gr.Blocks() as demo:
    ticks = gr.State(0)
    shown = gr.Textbox(label="Ticks", elem_id="shown")
    timer = gr.Timer(0.05)

    def tick(n):
        return n + 1, f"tick {n + 1}"

    timer.tick(tick, ticks, [ticks, shown])

CHECK = [("expect", "shown", "tick 3")]
