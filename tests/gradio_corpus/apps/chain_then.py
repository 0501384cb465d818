"""A .then chain: clicking greets 'Ann' and then upper-cases the greeting: 'HELLO ANN'."""

import reactive as gr

with gr.Blocks() as demo:
    name = gr.Textbox(value="Ann", label="Name", elem_id="name")
    greeting = gr.Textbox(label="Greeting", elem_id="greeting")
    btn = gr.Button("Greet", elem_id="greet")
    btn.click(lambda n: f"Hello {n}", name, greeting).then(str.upper, greeting, greeting)

CHECK = [("click", "greet"), ("expect", "greeting", "HELLO ANN")]
