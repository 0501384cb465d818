"""trigger_mode='multiple' queues clicks; each click on Add runs in turn, counting 1, 2, 3 in
gr.State.
"""

import reactive as gr

with gr.Blocks() as demo:
    count = gr.State(0)
    shown = gr.Number(label="Count", elem_id="shown")
    add = gr.Button("Add", elem_id="add")

    def increment(c):
        return c + 1, c + 1

    add.click(increment, count, [count, shown], trigger_mode="multiple")

CHECK = [
    ("click", "add"),
    ("expect", "shown", 1),
    ("click", "add"),
    ("expect", "shown", 2),
    ("click", "add"),
    ("expect", "shown", 3),
]
