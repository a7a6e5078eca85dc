// A deterministic set of post-mortems for insights tests and the bench: document i is dated
// 2025-01-01 + i days, SEV1..SEV4 in turn, detected 5·(1 + i mod 5) minutes after the start and
// resolved 30 + 15·(i mod 10) minutes after it, except that every tenth (i mod 10 = 9) has no
// resolve time. So over 500: TTD mean 15 and median 15 (500 incidents), TTR mean 90 and median 90
// (450 incidents, 50 without the times). Mitigated 10 minutes after detection: TTM mean 25.
const OWNERS = ['@alice', '@bob', '@chen', '@dana'];
const SERVICES = ['checkout', 'payments', 'search', 'auth', 'cdn'];

function isoDay(offset: number): string {
  return new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function at(day: string, minutes: number): string {
  const h = String(10 + Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `${day}T${h}:${m}:00Z`;
}

export function generatedPostmortem(i: number): string {
  const day = isoDay(i);
  const ttd = 5 * (1 + (i % 5));
  const resolved = i % 10 === 9 ? '' : `resolved: ${at(day, 30 + 15 * (i % 10))}\n`;
  const owner = OWNERS[i % OWNERS.length];
  return `---
title: Generated incident ${i}
id: INC-${1000 + i}
severity: SEV${(i % 4) + 1}
status: ${i % 3 === 0 ? 'final' : 'draft'}
date: ${day}
started: ${at(day, 0)}
detected: ${at(day, ttd)}
mitigated: ${at(day, ttd + 10)}
${resolved}services: [${SERVICES[i % SERVICES.length]}]
${i % 2 ? `review: ${isoDay(i + 7)}\n` : ''}---

# Generated incident ${i}

## Summary

Requests to ${SERVICES[i % SERVICES.length]} failed for a while.

## Root cause

A connection pool was exhausted after a configuration change removed its limit.

## Action items

- [${i % 4 === 0 ? 'x' : ' '}] Set the pool limit explicitly — ${owner}, due ${isoDay(i + 14)}
- [ ] Alert on pool saturation — ${OWNERS[(i + 1) % OWNERS.length]}, due ${isoDay(i + 30)}
`;
}

export function generatedPostmortems(n: number): string[] {
  return Array.from({ length: n }, (_, i) => generatedPostmortem(i));
}
