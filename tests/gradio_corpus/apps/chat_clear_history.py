"""A chat with a Clear button returning []: after Hi fills it, Clear empties it."""

import reactive as gr

with gr.Blocks() as demo:
    chat = gr.Chatbot(type="messages", elem_id="chat")
    gr.Button("Hi", elem_id="hi").click(
        lambda h: [*h, {"role": "assistant", "content": "hi"}], chat, chat
    )
    gr.Button("Clear", elem_id="clear").click(list, None, chat)

CHECK = [("click", "hi"), ("expect_has", "chat", "hi"), ("click", "clear"), ("expect", "chat", [])]
