"""The service: FastAPI routes storing greetings with SQLAlchemy, settings from pydantic-settings."""
import httpx
from fastapi import FastAPI
from pydantic_settings import BaseSettings
from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Settings(BaseSettings):
    database_url: str = "sqlite://"


class Base(DeclarativeBase):
    pass


class Greeting(Base):
    __tablename__ = "greetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(80))


settings = Settings()
engine = create_engine(settings.database_url)
Base.metadata.create_all(engine)
app = FastAPI()


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/greet/{name}")
def greet(name: str):
    with Session(engine) as session:
        session.add(Greeting(text=f"Hello, {name}"))
        session.commit()
        stored = session.scalar(select(func.count()).select_from(Greeting))
    return {"greeting": f"Hello, {name}", "stored": stored, "client": f"httpx {httpx.__version__}"}
