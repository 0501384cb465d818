"""gr.State keeps a per-session list: adding 'a' then 'b' shows 'a, b'."""

import reactive as gr

with gr.Blocks() as demo:
    items = gr.State([])
    item = gr.Textbox(label="Item", elem_id="item")
    shown = gr.Textbox(label="Items", elem_id="shown")

    def add(new, existing):
        existing = [*existing, new]
        return existing, ", ".join(existing)

    item.submit(add, [item, items], [items, shown])

CHECK = [
    ("input", "item", "a"),
    ("submit", "item"),
    ("expect", "shown", "a"),
    ("input", "item", "b"),
    ("submit", "item"),
    ("expect", "shown", "a, b"),
]
