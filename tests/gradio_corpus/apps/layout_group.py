"""A Group of first and last name; pressing Enter in the last name shows 'Lovelace, Ada'."""

import reactive as gr

with gr.Blocks() as demo:
    with gr.Group():
        first = gr.Textbox(label="First", elem_id="first")
        last = gr.Textbox(label="Last", elem_id="last")
    full = gr.Textbox(label="Full name", elem_id="full")
    last.submit(lambda first, last: f"{last}, {first}", [first, last], full)

CHECK = [
    ("input", "first", "Ada"),
    ("input", "last", "Lovelace"),
    ("submit", "last"),
    ("expect", "full", "Lovelace, Ada"),
]
