# A string literal missing its closing quote.
greeting = "hello
print(greeting)
