"""worker: a sibling service."""


def main():
    print("worker tick")
