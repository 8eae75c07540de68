package io.ledgerline.tagcache;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** One cached value with what is needed to judge it: its age, its profile and its tags' epochs. */
final class Entry {

  enum Status { FRESH, STALE, DEAD }

  final Instant fetchedAt;
  final CacheLife life;
  final TagSnapshot tags;
  /** Load order: when two loads of one key race, the one that started later wins the slot. */
  final long sequence;
  /** Set while a background refresh of this entry is scheduled or running: one at a time. */
  final AtomicBoolean refreshing = new AtomicBoolean();

  /** What every read of this entry returns; built once, since reads vastly outnumber loads. */
  private final Cached<Object> cached;

  Entry(Object value, Instant fetchedAt, CacheLife life, TagSnapshot tags, long sequence) {
    this.cached = new Cached<>(value, fetchedAt);
    this.fetchedAt = fetchedAt;
    this.life = life;
    this.tags = tags;
    this.sequence = sequence;
  }

  Status statusAt(Instant now) {
    Duration age = Duration.between(fetchedAt, now);
    if (life.expires() && age.compareTo(life.expire()) >= 0) {
      return Status.DEAD;
    }
    TagSnapshot.Verdict verdict = tags.verdictAt(now);
    if (verdict == TagSnapshot.Verdict.DEAD) {
      return Status.DEAD;
    }
    if (verdict == TagSnapshot.Verdict.STALE || age.compareTo(life.revalidate()) >= 0) {
      return Status.STALE;
    }
    return Status.FRESH;
  }

  @SuppressWarnings("unchecked")
  <V> Cached<V> cached() {
    return (Cached<V>) cached;
  }
}
