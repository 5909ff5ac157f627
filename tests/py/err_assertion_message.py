# A failed assert with a message.
scores = [90, 85, 101]
for s in scores:
    assert 0 <= s <= 100, f"score out of range: {s}"
    print("ok", s)
