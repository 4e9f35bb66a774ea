"""The stories of a `newsfuse follow` database over HTTP: `GET /v1/stories`,
`GET /v1/stories/{id}` and the page `/stories`. Registered by `server.create_app` when it is
given a database; reads only (the database is opened read-only, one connection per request,
so a pass of `follow` can write at the same time: WAL mode).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from fastapi import FastAPI, Query
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel

from newsfuse.store import Store
from newsfuse.types import NewsfuseError


class StorySummary(BaseModel):
    id: int
    headline: str
    outlets: int
    articles: int
    updated_at: str
    last_published: str | None = None
    version: int | None = None


class StoryList(BaseModel):
    stories: list[StorySummary]


def register_story_routes(app: FastAPI, db_path: str | Path, web_folder) -> None:
    def open_store() -> Store:
        return Store(db_path, readonly=True)

    def problem(status: int, message: str) -> JSONResponse:
        return JSONResponse(status_code=status, content={"error": message})

    @app.get("/v1/stories", response_model=StoryList, summary="The followed stories, most outlets first")
    def list_stories(days: float = Query(7.0, gt=0, le=3650, description="Stories updated in the last DAYS days."),
                     limit: int = Query(100, ge=1, le=1000)):
        since = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)).isoformat(timespec="seconds")
        try:
            store = open_store()
        except NewsfuseError as exc:
            return problem(503, str(exc))
        try:
            return {"stories": store.stories(limit=limit, since=since)}
        finally:
            store.close()

    @app.get("/v1/stories/{story_id}", summary="One story's latest briefing (or a given version), with What's new",
             responses={404: {"description": "No such story or version"}})
    def get_story(story_id: int, version: int | None = Query(None, ge=1)) -> dict:
        try:
            store = open_store()
        except NewsfuseError as exc:
            return problem(503, str(exc))
        try:
            row = store.briefing(story_id, version)
            if row is None:
                return problem(404, f"story {story_id}" + (f" version {version}" if version else "") + ": not found")
            data = json.loads(row["briefing"])
            data["story"]["versions"] = store.db.execute(
                "SELECT max(version) FROM briefings WHERE story_id = ?", (story_id,)).fetchone()[0]
            return data
        finally:
            store.close()

    @app.get("/stories", include_in_schema=False)
    async def stories_page():
        return FileResponse(str(web_folder / "stories.html"), media_type="text/html")
