// SPDX-License-Identifier: MIT
// The world's time and randomness (engine/sim): the virtual Clock's controls, the Scheduler's
// order of work by hand and on its own thread, and the seeded Random. Each test names the rule it
// checks. Nothing here asserts on how long real time took, only on bounds that hold however slow
// the machine is.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "sim/clock.h"
#include "sim/random.h"
#include "sim/scheduler.h"

namespace shardscope::sim {
namespace {

using namespace std::chrono_literals;
using std::chrono::nanoseconds;
using std::chrono::steady_clock;

constexpr Millis kStart = 1594936816952;  // 2020-07-16T22:00:16.952Z
constexpr Millis kHour = 3600 * 1000;

// Real milliseconds between two steady_clock readings, rounded up.
Millis realMillis(steady_clock::time_point from, steady_clock::time_point to) {
    return Millis(std::ceil(std::chrono::duration<double, std::milli>(to - from).count()));
}

// ---- Clock -------------------------------------------------------------------------------------

// A virtual clock starts paused at the moment it is given, at speed 1, and waiting does not move
// it.
TEST(SimClock, VirtualStartsPausedAtItsStart) {
    Clock clock(Clock::Mode::Virtual, kStart);
    EXPECT_EQ(clock.mode(), Clock::Mode::Virtual);
    EXPECT_TRUE(clock.paused());
    EXPECT_EQ(clock.speed(), 1.0);
    EXPECT_EQ(clock.now(), kStart);
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(clock.now(), kStart) << "a paused clock stands still";
    EXPECT_DOUBLE_EQ(clock.nowSeconds(), double(kStart) / 1000.0);
}

// A real clock reads the system clock, is never paused, and ignores the virtual controls.
TEST(SimClock, RealClockIgnoresTheVirtualControls) {
    Clock clock(Clock::Mode::Real);
    using namespace std::chrono;
    const auto system = [] {
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    };
    const Millis before = system();
    const Millis now = clock.now();
    const Millis after = system();
    EXPECT_LE(before, now);
    EXPECT_LE(now, after);
    EXPECT_FALSE(clock.paused());
    EXPECT_EQ(clock.speed(), 1.0);
    int changes = 0;
    clock.setOnChange([&] { ++changes; });
    clock.pause();
    clock.setSpeed(50);
    clock.play();
    EXPECT_FALSE(clock.paused());
    EXPECT_EQ(clock.speed(), 1.0);
    EXPECT_FALSE(clock.jumpTo(now + kHour)) << "a real clock cannot jump";
    EXPECT_LT(clock.now(), now + kHour);
    EXPECT_EQ(changes, 0);
    EXPECT_EQ(clock.realDelayUntil(now - 1), nanoseconds(0));
}

// jumpTo moves a virtual clock forward (or to where it stands); a moment in the past is refused
// and leaves the clock where it was. Time never runs backwards.
TEST(SimClock, JumpToForwardWorksBackwardsIsRefused) {
    Clock clock(Clock::Mode::Virtual, kStart);
    EXPECT_TRUE(clock.jumpTo(kStart + 5000));
    EXPECT_EQ(clock.now(), kStart + 5000);
    EXPECT_TRUE(clock.paused()) << "a jump does not start the clock";
    EXPECT_TRUE(clock.jumpTo(kStart + 5000)) << "jumping to now is not going back";
    EXPECT_FALSE(clock.jumpTo(kStart + 4999));
    EXPECT_EQ(clock.now(), kStart + 5000);
    EXPECT_FALSE(clock.jumpTo(0));
    EXPECT_EQ(clock.now(), kStart + 5000);
    clock.advanceBy(kHour);
    EXPECT_EQ(clock.now(), kStart + 5000 + kHour);
    clock.advanceBy(-1);  // a negative advance is a jump into the past: refused
    EXPECT_EQ(clock.now(), kStart + 5000 + kHour);

    // While playing too: a moment behind the running clock is refused.
    clock.setSpeed(Clock::kMaxSpeed);
    clock.play();
    const Millis seen = clock.now();
    EXPECT_FALSE(clock.jumpTo(seen - 1));
    EXPECT_GE(clock.now(), seen);
    EXPECT_TRUE(clock.jumpTo(seen + 10 * kHour));
    EXPECT_GE(clock.now(), seen + 10 * kHour);
}

// setSpeed clamps to 1 … kMaxSpeed (100000); a value that is not a number counts as 1.
TEST(SimClock, SetSpeedClampsToOneThroughOneHundredThousand) {
    Clock clock(Clock::Mode::Virtual, kStart);
    struct Case {
        double asked, got;
    };
    const Case cases[] = {{2.5, 2.5},
                          {0, 1},
                          {0.5, 1},
                          {-7, 1},
                          {1, 1},
                          {100000, 100000},
                          {100000.5, 100000},
                          {1e12, 100000},
                          {std::numeric_limits<double>::quiet_NaN(), 1},
                          {-std::numeric_limits<double>::infinity(), 1}};
    for (const Case& c : cases) {
        clock.setSpeed(c.asked);
        EXPECT_EQ(clock.speed(), c.got) << "setSpeed(" << c.asked << ")";
    }
    EXPECT_EQ(Clock::kMaxSpeed, 100000.0);
    EXPECT_EQ(clock.now(), kStart) << "changing the speed of a paused clock does not move it";
}

// realDelayUntil: nullopt while paused (waiting will not get there), zero once the moment is
// reached, and while playing the virtual distance divided by the speed.
TEST(SimClock, RealDelayUntilIsNulloptPausedZeroReachedProportionalPlaying) {
    Clock clock(Clock::Mode::Virtual, kStart);
    EXPECT_EQ(clock.realDelayUntil(kStart + 1), std::nullopt) << "paused, ahead";
    EXPECT_EQ(clock.realDelayUntil(kStart + kHour), std::nullopt) << "paused, ahead";
    EXPECT_EQ(clock.realDelayUntil(kStart), nanoseconds(0)) << "paused, reached";
    EXPECT_EQ(clock.realDelayUntil(kStart - kHour), nanoseconds(0)) << "paused, passed";

    // 100 virtual hours ahead at x100 is one real hour, less whatever real time this test takes
    // (bounded here by a generous minute).
    const Millis ahead = 100 * kHour;
    clock.setSpeed(100);
    clock.play();
    const auto at100 = clock.realDelayUntil(kStart + ahead);
    ASSERT_TRUE(at100.has_value());
    EXPECT_LE(*at100, nanoseconds(1h));
    EXPECT_GT(*at100, nanoseconds(1h - 1min));

    // Ten times faster: a tenth of the delay.
    clock.setSpeed(1000);
    const auto at1000 = clock.realDelayUntil(kStart + ahead);
    ASSERT_TRUE(at1000.has_value());
    EXPECT_LE(*at1000, nanoseconds(6min));
    EXPECT_GT(*at1000, nanoseconds(6min - 1min));

    EXPECT_EQ(clock.realDelayUntil(clock.now()), nanoseconds(0)) << "playing, reached";
    EXPECT_EQ(clock.realDelayUntil(kStart), nanoseconds(0)) << "playing, passed";

    clock.pause();
    EXPECT_EQ(clock.realDelayUntil(kStart + ahead), std::nullopt) << "paused again";
}

// Play, pause and setSpeed keep virtual time continuous: it never runs backwards, does not count
// the time spent paused, and a change of speed applies from that moment on, with no jump.
TEST(SimClock, PlayPauseAndSpeedKeepTimeContinuous) {
    Clock clock(Clock::Mode::Virtual, kStart);
    clock.setSpeed(1000);
    clock.play();
    EXPECT_FALSE(clock.paused());
    std::this_thread::sleep_for(20ms);
    const Millis playing = clock.now();
    EXPECT_GT(playing, kStart) << "a playing clock moves";
    clock.pause();
    const Millis stopped = clock.now();
    EXPECT_GE(stopped, playing);
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(clock.now(), stopped) << "paused: stands still";

    // The 50 ms spent paused (50 virtual seconds at x1000) are not counted when it resumes: what it
    // moves between play and pause is bounded by the real time between them.
    std::this_thread::sleep_for(50ms);
    const auto resumeBegan = steady_clock::now();
    clock.play();
    const Millis resumed = clock.now();
    clock.pause();
    const auto resumeEnded = steady_clock::now();
    EXPECT_GE(resumed, stopped);
    EXPECT_LE(resumed - stopped, realMillis(resumeBegan, resumeEnded) * 1000 + 1);
    const Millis afterResume = clock.now();
    EXPECT_GE(afterResume, resumed);

    // A new speed does not apply to the time already played: setting x100000 after 50 ms at
    // x1 must not jump 5000 virtual seconds.
    clock.setSpeed(1);
    clock.play();
    std::this_thread::sleep_for(50ms);
    const auto speedBegan = steady_clock::now();
    const Millis beforeSpeed = clock.now();
    clock.setSpeed(Clock::kMaxSpeed);
    const Millis afterSpeed = clock.now();
    const auto speedEnded = steady_clock::now();
    EXPECT_GE(afterSpeed, beforeSpeed);
    EXPECT_LE(afterSpeed - beforeSpeed,
              realMillis(speedBegan, speedEnded) * Millis(Clock::kMaxSpeed) + 1);
    EXPECT_FALSE(clock.paused()) << "setSpeed keeps a playing clock playing";

    // Play on a playing clock and pause on a paused one change nothing.
    clock.pause();
    const Millis held = clock.now();
    clock.pause();
    EXPECT_EQ(clock.now(), held);
    EXPECT_TRUE(clock.paused());
}

// onChange fires after each control that changes the course of time (play, pause, setSpeed, a
// jump), not for a control that changes nothing (play while playing, a refused jump); it is
// called outside the clock's lock, so it may read the clock.
TEST(SimClock, OnChangeFiresForEveryChangeOfCourse) {
    Clock clock(Clock::Mode::Virtual, kStart);
    int changes = 0;
    Millis seenInCallback = -1;
    clock.setOnChange([&] {
        ++changes;
        seenInCallback = clock.now();  // would deadlock if called under the clock's lock
    });
    clock.jumpTo(kStart + kHour);
    EXPECT_EQ(changes, 1) << "jumpTo";
    EXPECT_EQ(seenInCallback, kStart + kHour) << "fires after the change";
    EXPECT_FALSE(clock.jumpTo(kStart));
    EXPECT_EQ(changes, 1) << "a refused jump changes nothing";
    clock.setSpeed(10);
    EXPECT_EQ(changes, 2) << "setSpeed";
    clock.play();
    EXPECT_EQ(changes, 3) << "play";
    clock.play();
    EXPECT_EQ(changes, 3) << "play while playing";
    clock.pause();
    EXPECT_EQ(changes, 4) << "pause";
    clock.pause();
    EXPECT_EQ(changes, 4) << "pause while paused";
    clock.advanceBy(1);
    EXPECT_EQ(changes, 5) << "advanceBy";

    clock.setOnChange(nullptr);
    clock.advanceBy(1);
    EXPECT_EQ(changes, 5) << "a cleared callback is not called";
}

// ---- Scheduler ---------------------------------------------------------------------------------

// Events run in (moment, insertion) order: earlier moments first, and events due at the same
// moment in the order they were scheduled. runDue runs only what is due, with the clock's now.
TEST(SimScheduler, EventsRunInMomentThenInsertionOrder) {
    Clock clock(Clock::Mode::Virtual, kStart);
    Scheduler scheduler(clock);
    std::vector<std::string> ran;
    std::vector<Millis> nows;
    const auto task = [&](std::string name) {
        return [&ran, &nows, name](Millis now) {
            ran.push_back(name);
            nows.push_back(now);
        };
    };
    scheduler.at(kStart + 300, task("c"));
    scheduler.at(kStart + 100, task("a1"));
    scheduler.at(kStart + 200, task("b"));
    scheduler.at(kStart + 100, task("a2"));
    scheduler.at(kStart + 100, task("a3"));
    EXPECT_EQ(scheduler.nextDue(), kStart + 100);

    EXPECT_EQ(scheduler.runDue(), 0) << "nothing is due yet";
    EXPECT_TRUE(ran.empty());

    clock.jumpTo(kStart + 150);
    EXPECT_EQ(scheduler.runDue(), 3);
    EXPECT_EQ(ran, (std::vector<std::string>{"a1", "a2", "a3"}));
    EXPECT_EQ(scheduler.nextDue(), kStart + 200);

    clock.jumpTo(kStart + 1000);
    EXPECT_EQ(scheduler.runDue(), 2);
    EXPECT_EQ(ran, (std::vector<std::string>{"a1", "a2", "a3", "b", "c"}));
    EXPECT_EQ(nows, (std::vector<Millis>{kStart + 150, kStart + 150, kStart + 150, kStart + 1000,
                                         kStart + 1000}))
        << "a task is told the clock's now, not its own moment";
    EXPECT_EQ(scheduler.nextDue(), std::nullopt);
    EXPECT_EQ(scheduler.runDue(), 0) << "a one-shot event runs once";
}

// A task that schedules more work already due has it run in the same pass, after itself.
TEST(SimScheduler, WorkScheduledByATaskThatIsAlreadyDueRunsInTheSamePass) {
    Clock clock(Clock::Mode::Virtual, kStart);
    Scheduler scheduler(clock);
    std::vector<std::string> ran;
    scheduler.at(kStart, [&](Millis now) {
        ran.push_back("first");
        scheduler.at(now, [&](Millis) { ran.push_back("follow-up"); });
        scheduler.at(now + 1, [&](Millis) { ran.push_back("later"); });
    });
    EXPECT_EQ(scheduler.runDue(), 2);
    EXPECT_EQ(ran, (std::vector<std::string>{"first", "follow-up"}));
    EXPECT_EQ(scheduler.nextDue(), kStart + 1);
}

// stepToNext jumps a virtual clock to the next due moment and runs what is due there, one moment
// per step; with nothing scheduled it returns false and leaves the clock alone.
TEST(SimScheduler, StepToNextJumpsToTheNextDueMomentAndRunsIt) {
    Clock clock(Clock::Mode::Virtual, kStart);
    Scheduler scheduler(clock);
    std::vector<std::pair<std::string, Millis>> ran;
    scheduler.at(kStart + 2 * kHour, [&](Millis now) { ran.emplace_back("b", now); });
    scheduler.at(kStart + kHour, [&](Millis now) { ran.emplace_back("a1", now); });
    scheduler.at(kStart + kHour, [&](Millis now) { ran.emplace_back("a2", now); });

    ASSERT_TRUE(scheduler.stepToNext());
    EXPECT_EQ(clock.now(), kStart + kHour);
    EXPECT_EQ(ran, (std::vector<std::pair<std::string, Millis>>{{"a1", kStart + kHour},
                                                                {"a2", kStart + kHour}}));
    EXPECT_TRUE(clock.paused()) << "a step does not start the clock";

    ASSERT_TRUE(scheduler.stepToNext());
    EXPECT_EQ(clock.now(), kStart + 2 * kHour);
    ASSERT_EQ(ran.size(), 3u);
    EXPECT_EQ(ran[2], std::pair(std::string("b"), kStart + 2 * kHour));

    EXPECT_FALSE(scheduler.stepToNext()) << "nothing left";
    EXPECT_EQ(clock.now(), kStart + 2 * kHour);

    // Work already overdue runs where the clock stands: no jump backwards.
    clock.jumpTo(kStart + 5 * kHour);
    scheduler.at(kStart + 3 * kHour, [&](Millis now) { ran.emplace_back("overdue", now); });
    ASSERT_TRUE(scheduler.stepToNext());
    EXPECT_EQ(clock.now(), kStart + 5 * kHour);
    EXPECT_EQ(ran.back(), std::pair(std::string("overdue"), kStart + 5 * kHour));
}

// A real clock cannot jump, so stepToNext refuses and runs nothing early.
TEST(SimScheduler, StepToNextOnARealClockRefuses) {
    Clock clock(Clock::Mode::Real);
    Scheduler scheduler(clock);
    bool ran = false;
    scheduler.at(clock.now() + kHour, [&](Millis) { ran = true; });
    EXPECT_FALSE(scheduler.stepToNext());
    EXPECT_FALSE(ran);
}

// Sources are asked for their next due moment on every pass: nextDue is the earliest of events
// and sources, a source runs once its moment has come, and one with nothing due never runs.
TEST(SimScheduler, SourcesAreAskedEveryPassAndRunWhenDue) {
    Clock clock(Clock::Mode::Virtual, kStart);
    Scheduler scheduler(clock);
    std::optional<Millis> sourceDue = kStart + 30;
    int asked = 0;
    std::vector<std::pair<std::string, Millis>> ran;
    scheduler.addSource(
        [&] {
            ++asked;
            return sourceDue;
        },
        [&](Millis now) {
            ran.emplace_back("source", now);
            sourceDue = now + 100;  // like a shard rollover: the next period
        });
    int idleAsked = 0;
    scheduler.addSource(
        [&]() -> std::optional<Millis> {
            ++idleAsked;
            return std::nullopt;
        },
        [&](Millis now) { ran.emplace_back("idle", now); });
    scheduler.at(kStart + 50, [&](Millis now) { ran.emplace_back("event", now); });

    EXPECT_EQ(scheduler.nextDue(), kStart + 30) << "a source sooner than every event";
    EXPECT_GT(asked, 0);
    EXPECT_GT(idleAsked, 0);
    EXPECT_EQ(scheduler.runDue(), 0);

    const int askedBefore = asked;
    ASSERT_TRUE(scheduler.stepToNext());
    EXPECT_GT(asked, askedBefore) << "asked again on the next pass";
    EXPECT_EQ(clock.now(), kStart + 30);
    EXPECT_EQ(ran, (std::vector<std::pair<std::string, Millis>>{{"source", kStart + 30}}));
    EXPECT_EQ(scheduler.nextDue(), kStart + 50) << "now the event is sooner";

    ASSERT_TRUE(scheduler.stepToNext());
    EXPECT_EQ(clock.now(), kStart + 50);
    ASSERT_TRUE(scheduler.stepToNext());
    EXPECT_EQ(clock.now(), kStart + 130);
    EXPECT_EQ(ran, (std::vector<std::pair<std::string, Millis>>{
                       {"source", kStart + 30}, {"event", kStart + 50}, {"source", kStart + 130}}));

    // A source that changes its mind (a write made something due sooner) is heard on the next ask.
    sourceDue = kStart + 140;
    EXPECT_EQ(scheduler.nextDue(), kStart + 140);
    sourceDue = std::nullopt;
    EXPECT_EQ(scheduler.nextDue(), std::nullopt);
    EXPECT_FALSE(scheduler.stepToNext());
    for (const auto& [name, at] : ran) EXPECT_NE(name, "idle");
}

// cancel removes a scheduled event (true) so it never runs; cancelling it again, one that has
// already run, or an id never handed out, returns false.
TEST(SimScheduler, CancelRemovesAnEventOnce) {
    Clock clock(Clock::Mode::Virtual, kStart);
    Scheduler scheduler(clock);
    std::vector<std::string> ran;
    const uint64_t a = scheduler.at(kStart + 10, [&](Millis) { ran.push_back("a"); });
    const uint64_t b = scheduler.at(kStart + 10, [&](Millis) { ran.push_back("b"); });
    const uint64_t c = scheduler.at(kStart + 20, [&](Millis) { ran.push_back("c"); });
    EXPECT_NE(a, b);
    EXPECT_NE(b, c);
    EXPECT_TRUE(scheduler.cancel(b));
    EXPECT_FALSE(scheduler.cancel(b)) << "already cancelled";
    EXPECT_FALSE(scheduler.cancel(c + 1000)) << "never handed out";
    EXPECT_TRUE(scheduler.cancel(c));
    EXPECT_EQ(scheduler.nextDue(), kStart + 10);
    clock.jumpTo(kStart + 100);
    EXPECT_EQ(scheduler.runDue(), 1);
    EXPECT_EQ(ran, (std::vector<std::string>{"a"}));
    EXPECT_FALSE(scheduler.cancel(a)) << "already ran";
    EXPECT_EQ(scheduler.nextDue(), std::nullopt);
}

// The scheduler's own thread sleeps until the next due moment in real time: on a virtual clock
// playing at x100000, an event one virtual hour ahead (36 ms of real time) runs without anyone
// stepping, with the clock at or past its moment. The timeout is generous; no duration is asserted.
TEST(SimScheduler, BackgroundThreadRunsEventsOnAFastVirtualClock) {
    Clock clock(Clock::Mode::Virtual, kStart);
    Scheduler scheduler(clock);
    std::promise<Millis> ranAt;
    auto future = ranAt.get_future();
    scheduler.at(kStart + kHour, [&](Millis now) { ranAt.set_value(now); });
    clock.setSpeed(Clock::kMaxSpeed);
    scheduler.start();
    scheduler.start();  // a second start is harmless
    clock.play();
    ASSERT_EQ(future.wait_for(10s), std::future_status::ready)
        << "the event due one virtual hour ahead did not run; the clock reads "
        << clock.now() - kStart << " ms past the start";
    EXPECT_GE(future.get(), kStart + kHour);
    scheduler.stop();
    scheduler.stop();  // and so is a second stop
    EXPECT_EQ(scheduler.nextDue(), std::nullopt);
}

// A paused virtual clock holds the thread back: nothing runs early however long it waits, and the
// event runs once the clock is jumped to its moment.
TEST(SimScheduler, BackgroundThreadWaitsForAPausedClock) {
    Clock clock(Clock::Mode::Virtual, kStart);
    Scheduler scheduler(clock);
    std::promise<Millis> ranAt;
    auto future = ranAt.get_future();
    scheduler.at(kStart + kHour, [&](Millis now) { ranAt.set_value(now); });
    scheduler.start();
    EXPECT_EQ(future.wait_for(100ms), std::future_status::timeout) << "ran before its moment";
    clock.jumpTo(kStart + kHour);
    ASSERT_EQ(future.wait_for(10s), std::future_status::ready);
    EXPECT_EQ(future.get(), kStart + kHour);
    scheduler.stop();
}

// ---- Random ------------------------------------------------------------------------------------

// The same seed gives the same sequence (on every platform: SplitMix64's reference values), and
// different seeds give different ones.
TEST(SimRandom, SameSeedSameSequence) {
    Random a(42), b(42), c(43);
    std::vector<uint64_t> fromA, fromB, fromC;
    for (int i = 0; i < 1000; ++i) {
        fromA.push_back(a.next());
        fromB.push_back(b.next());
        fromC.push_back(c.next());
    }
    EXPECT_EQ(fromA, fromB);
    EXPECT_NE(fromA, fromC);
    EXPECT_EQ(std::set<uint64_t>(fromA.begin(), fromA.end()).size(), fromA.size())
        << "no repeats in a short run";
    EXPECT_EQ(a.state(), b.state());

    // SplitMix64 from seed 0 (Vigna's reference implementation).
    Random zero(0);
    EXPECT_EQ(zero.next(), 0xE220A8397B1DCDAFULL);
    EXPECT_EQ(zero.next(), 0x6E789E6AA1B965F4ULL);
    EXPECT_EQ(zero.next(), 0x06C45D188009454FULL);

    // The same draws in the same order replay, whatever mix of calls made them.
    Random x(7), y(7);
    EXPECT_EQ(x.hex(8), y.hex(8));
    EXPECT_EQ(x.below(1000), y.below(1000));
    EXPECT_EQ(x.unit(), y.unit());
    EXPECT_EQ(x.state(), y.state());
    EXPECT_EQ(Random::mix(12345), Random::mix(12345)) << "mix is stateless";
    EXPECT_NE(Random::mix(12345), Random::mix(12346));
}

// hex(count) gives exactly `count` lowercase hex digits (count <= 16).
TEST(SimRandom, HexHasTheAskedLengthInLowercaseDigits) {
    Random random(2024);
    for (int count = 0; count <= 16; ++count) {
        for (int draw = 0; draw < 20; ++draw) {
            const std::string h = random.hex(count);
            EXPECT_EQ(h.size(), size_t(count)) << h;
            EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos) << h;
        }
    }
    std::set<std::string> distinct;
    for (int i = 0; i < 200; ++i) distinct.insert(random.hex(8));
    EXPECT_GT(distinct.size(), 190u) << "eight hex digits rarely repeat";
}

// below(bound) is in [0, bound) and reaches every value of a small bound; unit() is in [0, 1).
TEST(SimRandom, BelowStaysUnderItsBound) {
    Random random(99);
    for (const uint64_t bound : {1ULL, 2ULL, 3ULL, 10ULL, 1000ULL, 1ULL << 40, ~0ULL}) {
        for (int i = 0; i < 2000; ++i) EXPECT_LT(random.below(bound), bound) << "bound " << bound;
    }
    EXPECT_EQ(random.below(1), 0u);
    std::set<uint64_t> seen;
    for (int i = 0; i < 1000; ++i) seen.insert(random.below(6));
    EXPECT_EQ(seen.size(), 6u) << "every face of a die comes up";
    for (int i = 0; i < 2000; ++i) {
        const double u = random.unit();
        EXPECT_GE(u, 0.0);
        EXPECT_LT(u, 1.0);
    }
}

}  // namespace
}  // namespace shardscope::sim
