"""A Blocks chat: submitting 'hello' clears the box, then streams 'You said: hello'."""

import asyncio

import reactive as gr

with gr.Blocks() as demo:
    chatbot = gr.Chatbot(type="messages", elem_id="chat")
    msg = gr.Textbox(label="Message", elem_id="msg")

    def user(message, history):
        return "", [*history, {"role": "user", "content": message}]

    async def bot(history):
        history = [*history, {"role": "assistant", "content": ""}]
        asked = history[-2]["content"][0]["text"]  # Gradio 6: content is a list of parts
        for word in ["You", " said", ": ", asked]:
            history[-1]["content"] += word
            await asyncio.sleep(0.01)
            yield history

    msg.submit(user, [msg, chatbot], [msg, chatbot], queue=False).then(bot, chatbot, chatbot)

CHECK = [
    ("input", "msg", "hello"),
    ("submit", "msg"),
    ("expect", "msg", ""),
    ("expect_has", "chat", "You said: hello"),
]
