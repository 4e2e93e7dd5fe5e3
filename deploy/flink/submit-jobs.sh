#!/usr/bin/env bash
# One-shot (the job-submitter service of docker-compose.yml): submits the scoring job and the
# learner job to the Flink session cluster with `flink run`, skipping a job that already runs, so
# it is safe on every `docker compose up`. The image's entrypoint has written FLINK_PROPERTIES into
# conf/config.yaml first, so `flink` finds the JobManager through rest.address.
#
# The jar is $RISKSTREAM_JOB_JAR, built by `./mvnw -B -DskipTests -Pcompose -pl streaming-jobs -am
# package` into deploy/jobs/riskstream-jobs.jar: the jobs and their dependencies except Flink's own
# and DJL's (those are in the cluster's lib); its Main-Class (io.riskstream.jobs.JobMain) takes
# `scoring|learner --bootstrap HOST:PORT --checkpoints URI [--parallelism N] [--kafka-config FILE]`.
# RISKSTREAM_KAFKA_CONFIG names a Kafka client properties file (SASL/SSL) in this container; it is
# read here, where `flink run` runs main, and its values reach the task managers only inside the
# job graph's sources and sinks, not as arguments.
set -euo pipefail

JAR="${RISKSTREAM_JOB_JAR:-/opt/riskstream/jobs/riskstream-jobs.jar}"
BOOTSTRAP="${RISKSTREAM_BOOTSTRAP:-kafka:9092}"
CHECKPOINTS="${RISKSTREAM_CHECKPOINTS:-file:///opt/flink/riskstream-data/checkpoints}"
KAFKA_CONFIG=()
if [[ -n "${RISKSTREAM_KAFKA_CONFIG:-}" ]]; then
  KAFKA_CONFIG=(--kafka-config "$RISKSTREAM_KAFKA_CONFIG")
fi

if [[ ! -f "$JAR" ]]; then
  echo "job-submitter: no job jar at $JAR (deploy/jobs/ on the host)." >&2
  echo "job-submitter: build it with ./mvnw -B -DskipTests -Pcompose -pl streaming-jobs -am package;" >&2
  echo "job-submitter: Kafka, Flink, the dashboard, Prometheus and Grafana run without the jobs." >&2
  exit 1
fi

# `flink list -r` prints one line per running job: "<time> : <job id> : <name> (RUNNING)".
running() {
  flink list -r 2>/dev/null | grep -qF " : $1 (RUNNING)"
}

for job in scoring learner; do
  name="riskstream-$job"
  if running "$name"; then
    echo "job-submitter: $name is already running"
    continue
  fi
  echo "job-submitter: submitting $name"
  flink run --detached "$JAR" "$job" --bootstrap "$BOOTSTRAP" --checkpoints "$CHECKPOINTS" \
    ${KAFKA_CONFIG[@]+"${KAFKA_CONFIG[@]}"}
done
