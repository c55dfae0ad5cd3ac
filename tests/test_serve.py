"""`newsevents serve`'s parts that need no server (the end-to-end runs are in test_deploy.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.serve import check_cron, deployments, server_environment


def test_a_bad_cron_is_refused_before_anything_starts(tmp_path):
    with pytest.raises(ValueError, match="not a valid cron expression"):
        check_cron("every hour")
    check_cron("*/15 * * * *")
    result = CliRunner().invoke(app, ["serve", "--cron", "every hour", "--data", str(tmp_path / "data")])
    assert result.exit_code == 2 and "not a valid cron expression" in result.stderr
    assert not (tmp_path / "data").exists()


def test_the_server_gets_its_own_home_and_no_api_url(tmp_path):
    env = server_environment(tmp_path, {"PREFECT_API_URL": "http://elsewhere/api", "PATH": "/bin"})
    assert env == {"PATH": "/bin", "PREFECT_HOME": str(tmp_path), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                   "DO_NOT_TRACK": "1"}


def test_ingest_on_the_schedule_and_reprocess_on_demand(tmp_path):
    ingest, reprocess = deployments(tmp_path, "*/5 * * * *", sources_file=Path("my.toml"), batch_size=50)
    assert (ingest.name, ingest.entrypoint) == ("ingest", "flows.ingest.ingest")
    assert [s.schedule.cron for s in ingest.schedules] == ["*/5 * * * *"]
    assert ingest.parameters == {"data_dir": str(tmp_path), "batch_size": 50, "sources_file": str(Path("my.toml").resolve())}
    assert ingest.concurrency_limit == 1
    assert (reprocess.name, reprocess.schedules, reprocess.parameters) == ("reprocess", [], {"data_dir": str(tmp_path), "batch_size": 50})
    assert "data_dir" in ingest._parameter_openapi_schema.properties  # the UI's form, with the docstring's help
    assert ingest._parameter_openapi_schema.properties["lock_wait"]["description"].startswith("Seconds to wait")
