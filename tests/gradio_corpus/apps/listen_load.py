"""demo.load fills the greeting when the page opens: 'Welcome!'."""

import reactive as gr

with gr.Blocks() as demo:
    greeting = gr.Textbox(label="Greeting", elem_id="greeting")
    demo.load(lambda: "Welcome!", None, greeting)

CHECK = [("expect", "greeting", "Welcome!")]
