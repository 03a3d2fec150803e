"""The workspace library the service uses."""


def hello(name: str) -> str:
    return f"hello {name} from libs/greeting"
