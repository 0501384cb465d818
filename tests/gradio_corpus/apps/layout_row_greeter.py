"""A Row with a name and a greeting; clicking Greet with 'Ada' shows 'Hello Ada!'."""

import reactive as gr

with gr.Blocks(title="Greeter") as demo:
    with gr.Row():
        name = gr.Textbox(label="Name", elem_id="name")
        greeting = gr.Textbox(label="Greeting", elem_id="greeting")
    gr.Button("Greet", elem_id="greet").click(lambda n: f"Hello {n}!", name, greeting)

CHECK = [("input", "name", "Ada"), ("click", "greet"), ("expect", "greeting", "Hello Ada!")]
