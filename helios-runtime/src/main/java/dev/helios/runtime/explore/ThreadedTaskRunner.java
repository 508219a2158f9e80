package dev.helios.runtime.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Runs tasks on a fixed number of threads, each task a simulation of its own on one thread, and
 * hands the results over in task order. At most {@code 2 * threads} tasks are in flight, so results
 * waiting for an earlier one stay few.
 *
 * <p>The one use of threads in the runtime, and the kind the design allows: across independent
 * simulations, never inside one. Each task builds its own simulation from the space's start and
 * forks only within itself, so no node or queue is touched by two threads; the results do not
 * depend on which thread ran what, since they are handed over in task order.
 */
final class ThreadedTaskRunner implements TaskRunner {
  private final int threads;

  ThreadedTaskRunner(int threads) {
    this.threads = threads;
  }

  @Override
  public void run(long[] tasks, LongFunction<TaskResult> explore, Consumer<TaskResult> accept) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "helios-explorer");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<TaskResult>> inFlight = new ArrayList<>();
      int next = 0;
      for (int handed = 0; handed < tasks.length; handed++) {
        while (next < tasks.length && next < handed + 2 * threads) {
          long task = tasks[next++];
          inFlight.add(pool.submit(() -> explore.apply(task)));
        }
        accept.accept(await(inFlight.remove(0)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static TaskResult await(Future<TaskResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the exploration was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
