# OSCP Q&A: the Streamlit app, with its read-only knowledge database built into the image.
#
#   docker build -t oscp-qa .
#   docker run -p 8501:8501 -v oscp-qa-feedback:/var/lib/oscp-qa oscp-qa
#
# The only state is the feedback store: the file OSCP_QA_FEEDBACK_DB on the volume, or the
# PostgreSQL database OSCP_QA_FEEDBACK_URL. Staff sign-in needs .streamlit/secrets.toml mounted
# at /app/.streamlit/secrets.toml and OSCP_QA_STAFF; without them there is no Staff page.
# See docs/deploy.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OSCP_QA_KNOWLEDGE=/app/knowledge \
    OSCP_QA_DB=/app/data/oscp.db \
    OSCP_QA_FEEDBACK_DB=/var/lib/oscp-qa/feedback.db \
    OSCP_QA_FEEDBACK_DAYS=90 \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none

WORKDIR /app

# DejaVu Sans for PDF briefings: it has every character the answers use (÷, −, →).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# The package and its dependencies first, so a change to the knowledge or the pages does not
# reinstall them.
COPY pyproject.toml README.md ./
COPY oscp_qa ./oscp_qa
RUN pip install -e .

# The knowledge, validated and built into SQLite now: a replica never writes it.
COPY knowledge ./knowledge
RUN oscp-qa build --knowledge knowledge --db data/oscp.db \
    && chmod -R a+rX,a-w knowledge data

COPY .streamlit/config.toml ./.streamlit/config.toml
COPY streamlit_app.py ./
COPY app_pages ./app_pages

RUN useradd --system --create-home --uid 10001 oscp \
    && mkdir -p /var/lib/oscp-qa && chown oscp /var/lib/oscp-qa
USER oscp
VOLUME ["/var/lib/oscp-qa"]

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s \
    CMD oscp-qa check --server http://127.0.0.1:8501/_stcore/health

CMD ["streamlit", "run", "streamlit_app.py", "--server.port=8501", "--server.address=0.0.0.0"]
