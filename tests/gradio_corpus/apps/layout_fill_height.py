"""gr.Blocks(fill_height=True, css=...) with a Chatbot; clicking Hi puts one message in it."""

import reactive as gr

with gr.Blocks(fill_height=True, css=".tall {min-height: 10px}", title="Tall") as demo:
    chat = gr.Chatbot(type="messages", elem_id="chat", elem_classes="tall")
    gr.Button("Hi", elem_id="hi").click(
        lambda: [{"role": "assistant", "content": "hello"}], None, chat
    )

CHECK = [("click", "hi"), ("expect", "chat", [{"role": "assistant", "content": "hello"}])]
