package dev.helios.runtime.kernel;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The pending events, ordered by (time, insertion sequence) and nothing else. A binary heap on
 * primitive arrays: the heap holds each event's time, sequence and slot; the slot indexes parallel
 * arrays with the event's kind, nodes and payload. Pushing and popping allocate nothing once the
 * arrays have grown, and a copy is a handful of array copies.
 */
final class EventQueue {
  static final byte START = 1;
  static final byte SEND = 2;
  static final byte DELIVER = 3;
  static final byte TIMER = 4;
  static final byte FAULT = 5;

  private long[] heapTime;
  private long[] heapSequence;
  private int[] heapSlot;
  private int size;
  private long nextSequence;

  private byte[] kind;
  private int[] from;
  private int[] to;
  private long[] id;
  private long[] digest;
  private Object[] payload;
  private int[] freeSlots;
  private int freeCount;
  private int slotsUsed;

  EventQueue(int initialCapacity) {
    int capacity = Math.max(16, initialCapacity);
    heapTime = new long[capacity];
    heapSequence = new long[capacity];
    heapSlot = new int[capacity];
    kind = new byte[capacity];
    from = new int[capacity];
    to = new int[capacity];
    id = new long[capacity];
    digest = new long[capacity];
    payload = new Object[capacity];
    freeSlots = new int[capacity];
  }

  /**
   * A compact copy of {@code source}: arrays sized to the pending events, not to the source's
   * capacity, and event {@code i} of the heap in slot {@code i}. Slots are internal, so the copy
   * pops the same events in the same order.
   */
  private EventQueue(EventQueue source) {
    this(source.size + (source.size >> 1));
    size = source.size;
    nextSequence = source.nextSequence;
    System.arraycopy(source.heapTime, 0, heapTime, 0, size);
    System.arraycopy(source.heapSequence, 0, heapSequence, 0, size);
    for (int position = 0; position < size; position++) {
      int slot = source.heapSlot[position];
      heapSlot[position] = position;
      kind[position] = source.kind[slot];
      from[position] = source.from[slot];
      to[position] = source.to[slot];
      id[position] = source.id[slot];
      digest[position] = source.digest[slot];
      payload[position] = source.payload[slot];
    }
    slotsUsed = size;
  }

  /**
   * An independent copy. Payloads are shared: messages are immutable values, or {@code @Copyable}
   * ones that the fork then replaces with {@link #replacePayloads}.
   */
  EventQueue copy() {
    return new EventQueue(this);
  }

  /** Replaces every pending event's payload with {@code replacement.apply(payload)}. */
  void replacePayloads(UnaryOperator<Object> replacement) {
    for (int position = 0; position < size; position++) {
      int slot = heapSlot[position];
      payload[slot] = replacement.apply(payload[slot]);
    }
  }

  /** What {@link #forEachInOrder} shows of each pending event. */
  interface Visitor {
    void visit(long time, byte kind, int from, int to, long id, Object payload, long digest);
  }

  /** Shows every pending event to {@code visitor} in the order they will run. */
  void forEachInOrder(Visitor visitor) {
    EventQueue pending = copy();
    while (!pending.isEmpty()) {
      long time = pending.peekTime();
      int slot = pending.pop();
      visitor.visit(time, pending.kind[slot], pending.from[slot], pending.to[slot], pending.id[slot],
          pending.payload[slot], pending.digest[slot]);
      pending.release(slot);
    }
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The time of the earliest event; the queue must not be empty. */
  long peekTime() {
    return heapTime[0];
  }

  /** Adds an event and returns its slot, valid until the event is popped and released. */
  int push(long time, byte eventKind, int fromNode, int toNode, long eventId, Object message) {
    return push(time, eventKind, fromNode, toNode, eventId, message, 0);
  }

  /**
   * Adds an event carrying its message's trace digest, computed once when the message was sent and
   * reused when it is delivered.
   */
  int push(long time, byte eventKind, int fromNode, int toNode, long eventId, Object message, long messageDigest) {
    int slot = allocateSlot();
    kind[slot] = eventKind;
    from[slot] = fromNode;
    to[slot] = toNode;
    id[slot] = eventId;
    digest[slot] = messageDigest;
    payload[slot] = message;
    if (size == heapTime.length) {
      int capacity = size * 2;
      heapTime = Arrays.copyOf(heapTime, capacity);
      heapSequence = Arrays.copyOf(heapSequence, capacity);
      heapSlot = Arrays.copyOf(heapSlot, capacity);
    }
    siftUp(size++, time, nextSequence++, slot);
    return slot;
  }

  /** Removes the earliest event and returns its slot; read it, then {@link #release} it. */
  int pop() {
    int slot = heapSlot[0];
    int last = --size;
    if (last > 0) {
      siftDown(0, heapTime[last], heapSequence[last], heapSlot[last]);
    }
    return slot;
  }

  void release(int slot) {
    payload[slot] = null;
    freeSlots[freeCount++] = slot;
  }

  byte kind(int slot) {
    return kind[slot];
  }

  int from(int slot) {
    return from[slot];
  }

  int to(int slot) {
    return to[slot];
  }

  /** The timer id of a timer event, the message id of a delivery, otherwise -1. */
  long id(int slot) {
    return id[slot];
  }

  /** The digest of a delivery's or timer's message, as computed when it was sent or set. */
  long digest(int slot) {
    return digest[slot];
  }

  Object payload(int slot) {
    return payload[slot];
  }

  private int allocateSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == kind.length) {
      int capacity = slotsUsed * 2;
      kind = Arrays.copyOf(kind, capacity);
      from = Arrays.copyOf(from, capacity);
      to = Arrays.copyOf(to, capacity);
      id = Arrays.copyOf(id, capacity);
      digest = Arrays.copyOf(digest, capacity);
      payload = Arrays.copyOf(payload, capacity);
      freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
    return slotsUsed++;
  }

  private void siftUp(int position, long time, long sequence, int slot) {
    while (position > 0) {
      int parent = (position - 1) >>> 1;
      long parentTime = heapTime[parent];
      if (parentTime < time || (parentTime == time && heapSequence[parent] < sequence)) {
        break;
      }
      heapTime[position] = parentTime;
      heapSequence[position] = heapSequence[parent];
      heapSlot[position] = heapSlot[parent];
      position = parent;
    }
    heapTime[position] = time;
    heapSequence[position] = sequence;
    heapSlot[position] = slot;
  }

  private void siftDown(int position, long time, long sequence, int slot) {
    int half = size >>> 1;
    while (position < half) {
      int child = 2 * position + 1;
      int right = child + 1;
      if (right < size
          && (heapTime[right] < heapTime[child]
              || (heapTime[right] == heapTime[child] && heapSequence[right] < heapSequence[child]))) {
        child = right;
      }
      long childTime = heapTime[child];
      if (time < childTime || (time == childTime && sequence < heapSequence[child])) {
        break;
      }
      heapTime[position] = childTime;
      heapSequence[position] = heapSequence[child];
      heapSlot[position] = heapSlot[child];
      position = child;
    }
    heapTime[position] = time;
    heapSequence[position] = sequence;
    heapSlot[position] = slot;
  }
}
