package dev.helios.examples.raft;

import dev.helios.annotations.Durable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.examples.raft.Messages.AppendEntries;
import dev.helios.examples.raft.Messages.AppendResult;
import dev.helios.examples.raft.Messages.ClientReply;
import dev.helios.examples.raft.Messages.ClientRequest;
import dev.helios.examples.raft.Messages.ElectionTimer;
import dev.helios.examples.raft.Messages.Entry;
import dev.helios.examples.raft.Messages.Get;
import dev.helios.examples.raft.Messages.HeartbeatTimer;
import dev.helios.examples.raft.Messages.NoOp;
import dev.helios.examples.raft.Messages.NotLeader;
import dev.helios.examples.raft.Messages.Put;
import dev.helios.examples.raft.Messages.RequestVote;
import dev.helios.examples.raft.Messages.Vote;
import dev.helios.runtime.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Raft server holding a replicated key-value map: leader election with randomized timeouts,
 * log replication with the consistency check, commitment by majority in the leader's own term,
 * and client sessions so that a retried request is applied once.
 *
 * <p>{@code currentTerm}, {@code votedFor} and the log are {@code @Durable}, as Raft requires them
 * on stable storage; everything else, the map included, is rebuilt after a restart by applying the
 * log again as the leader tells the server what is committed. The leader ships new entries with
 * its heartbeat every {@link #HEARTBEAT_MICROS}, batching the requests that arrived in between.
 *
 * <p>The {@code ghost} fields are not part of the protocol: they record, durably, which terms this
 * server led and which entries it applied, so that the checks can compare servers across crashes.
 */
@Node
public final class RaftServer {
  static final long HEARTBEAT_MICROS = 20_000;
  static final long ELECTION_TIMEOUT_MIN_MICROS = 80_000;
  static final long ELECTION_TIMEOUT_MAX_MICROS = 160_000;
  /** The most entries one {@link AppendEntries} carries. */
  static final int BATCH_MAX = 64;

  /** What a server is doing in its current term. */
  enum Role { FOLLOWER, CANDIDATE, LEADER }

  /** The last request applied for one client, and its result, to answer a retry without applying it again. */
  record Session(long requestId, long result) {}

  final int servers;
  /**
   * The deliberate bug of {@link RaftKvBuggy}: a leader counts an entry as committed as soon as it
   * is in its own log, before a majority holds it, and answers the client at once.
   */
  final boolean commitsOnAppend;

  @Durable long currentTerm;
  @Durable int votedFor = -1;
  /** Entry {@code i} of the log is {@code log.get(i - 1)}: Raft's indices start at 1. */
  @Durable final List<Entry> log = new ArrayList<>();

  Role role = Role.FOLLOWER;
  int leaderHint = -1;
  long electionDeadlineMicros;
  final TreeSet<Integer> votes = new TreeSet<>();
  long commitIndex;
  long lastApplied;
  final TreeMap<String, Long> data = new TreeMap<>();
  final TreeMap<Integer, Session> sessions = new TreeMap<>();
  /** Applied entries skipped because they retried a request already applied. */
  long retriesSkipped;
  /** Per server, for a leader: the next index to send and the highest index known replicated there. */
  long[] nextIndex;
  long[] matchIndex;

  /** The terms in which this server became leader (ghost state, for the checks). */
  @Durable final TreeSet<Long> ghostTermsLed = new TreeSet<>();
  /** Every entry this server applied, by index (ghost state, for the checks). */
  @Durable final List<Entry> ghostApplied = new ArrayList<>();
  /** {@code ghostDigests.get(i)} digests {@code ghostApplied} up to index {@code i + 1}. */
  @Durable final List<Long> ghostDigests = new ArrayList<>();
  /** How this server once applied a different entry at an index it had applied before, or null. */
  @Durable String ghostConflict;

  RaftServer(int servers, boolean commitsOnAppend) {
    this.servers = servers;
    this.commitsOnAppend = commitsOnAppend;
    this.nextIndex = new long[servers];
    this.matchIndex = new long[servers];
  }

  @OnStart
  void onStart(Context context) {
    pushElectionDeadline(context);
    context.setTimerMicros(electionDeadlineMicros - context.nowMicros(), new ElectionTimer());
  }

  // ---- election ----

  @OnMessage
  void onElectionTimer(ElectionTimer timer, Context context) {
    long now = context.nowMicros();
    if (role == Role.LEADER) {
      pushElectionDeadline(context);
    } else if (now >= electionDeadlineMicros) {
      startElection(context);
    }
    context.setTimerMicros(electionDeadlineMicros - now, timer);
  }

  private void startElection(Context context) {
    currentTerm++;
    votedFor = context.self();
    role = Role.CANDIDATE;
    leaderHint = -1;
    votes.clear();
    votes.add(context.self());
    pushElectionDeadline(context);
    RequestVote request = new RequestVote(currentTerm, log.size(), lastLogTerm());
    for (int server = 0; server < servers; server++) {
      if (server != context.self()) {
        context.send(server, request);
      }
    }
  }

  @OnMessage
  void onRequestVote(RequestVote request, Context context) {
    adoptTerm(request.term());
    boolean upToDate = request.lastLogTerm() > lastLogTerm()
        || (request.lastLogTerm() == lastLogTerm() && request.lastLogIndex() >= log.size());
    boolean granted = request.term() == currentTerm
        && (votedFor == -1 || votedFor == context.sender())
        && upToDate;
    if (granted) {
      votedFor = context.sender();
      pushElectionDeadline(context);
    }
    context.reply(new Vote(currentTerm, granted));
  }

  @OnMessage
  void onVote(Vote vote, Context context) {
    adoptTerm(vote.term());
    if (role != Role.CANDIDATE || vote.term() != currentTerm || !vote.granted()) {
      return;
    }
    votes.add(context.sender());
    if (votes.size() * 2 > servers) {
      becomeLeader(context);
    }
  }

  private void becomeLeader(Context context) {
    role = Role.LEADER;
    leaderHint = context.self();
    ghostTermsLed.add(currentTerm);
    for (int server = 0; server < servers; server++) {
      nextIndex[server] = log.size() + 1;
      matchIndex[server] = 0;
    }
    log.add(new Entry(currentTerm, -1, 0, new NoOp()));
    replicate(context);
    context.setTimerMicros(HEARTBEAT_MICROS, new HeartbeatTimer(currentTerm));
  }

  /** Any message from a later term makes this server a follower in that term. */
  private void adoptTerm(long term) {
    if (term > currentTerm) {
      currentTerm = term;
      votedFor = -1;
      role = Role.FOLLOWER;
      leaderHint = -1;
    }
  }

  private void pushElectionDeadline(Context context) {
    electionDeadlineMicros = context.nowMicros()
        + context.random().nextLong(ELECTION_TIMEOUT_MIN_MICROS, ELECTION_TIMEOUT_MAX_MICROS);
  }

  // ---- replication ----

  @OnMessage
  void onHeartbeatTimer(HeartbeatTimer timer, Context context) {
    if (role == Role.LEADER && timer.term() == currentTerm) {
      replicate(context);
      context.setTimerMicros(HEARTBEAT_MICROS, timer);
    }
  }

  /** Sends every follower the entries it lacks (up to {@link #BATCH_MAX}), or a heartbeat. */
  private void replicate(Context context) {
    for (int server = 0; server < servers; server++) {
      if (server == context.self()) {
        continue;
      }
      long prevLogIndex = nextIndex[server] - 1;
      int from = (int) prevLogIndex;
      int to = Math.min(log.size(), from + BATCH_MAX);
      List<Entry> entries = List.copyOf(log.subList(from, to));
      context.send(server, new AppendEntries(currentTerm, prevLogIndex, termAt(prevLogIndex), entries, commitIndex));
    }
  }

  @OnMessage
  void onAppendEntries(AppendEntries append, Context context) {
    adoptTerm(append.term());
    if (append.term() < currentTerm) {
      context.reply(new AppendResult(currentTerm, false, 0));
      return;
    }
    role = Role.FOLLOWER;
    leaderHint = context.sender();
    pushElectionDeadline(context);
    long prev = append.prevLogIndex();
    if (prev > log.size() || termAt(prev) != append.prevLogTerm()) {
      context.reply(new AppendResult(currentTerm, false, Math.min(log.size(), prev - 1)));
      return;
    }
    long index = prev;
    for (Entry entry : append.entries()) {
      index++;
      if (index <= log.size() && termAt(index) != entry.term()) {
        log.subList((int) index - 1, log.size()).clear(); // a conflicting suffix from a deposed leader
      }
      if (index > log.size()) {
        log.add(entry);
      }
    }
    if (append.leaderCommit() > commitIndex) {
      commitIndex = Math.min(append.leaderCommit(), index);
      applyCommitted(context);
    }
    context.reply(new AppendResult(currentTerm, true, index));
  }

  @OnMessage
  void onAppendResult(AppendResult result, Context context) {
    adoptTerm(result.term());
    if (role != Role.LEADER || result.term() != currentTerm) {
      return;
    }
    int follower = context.sender();
    if (!result.success()) {
      nextIndex[follower] = Math.max(1, Math.min(nextIndex[follower] - 1, result.matchIndex() + 1));
      return;
    }
    matchIndex[follower] = Math.max(matchIndex[follower], result.matchIndex());
    nextIndex[follower] = Math.max(nextIndex[follower], matchIndex[follower] + 1);
    advanceCommitIndex(context);
  }

  /** Commits the highest entry of this term that a majority holds (Raft §5.3, §5.4.2). */
  private void advanceCommitIndex(Context context) {
    for (long index = log.size(); index > commitIndex; index--) {
      if (termAt(index) != currentTerm) {
        break;
      }
      int holders = 1; // the leader itself
      for (int server = 0; server < servers; server++) {
        if (server != context.self() && matchIndex[server] >= index) {
          holders++;
        }
      }
      if (holders * 2 > servers) {
        commitIndex = index;
        applyCommitted(context);
        return;
      }
    }
  }

  // ---- clients ----

  @OnMessage
  void onClientRequest(ClientRequest request, Context context) {
    if (role != Role.LEADER) {
      context.reply(new NotLeader(request.requestId(), leaderHint));
      return;
    }
    int client = context.sender();
    Session session = sessions.get(client);
    if (session != null && session.requestId() >= request.requestId()) {
      if (session.requestId() == request.requestId()) {
        context.reply(new ClientReply(request.requestId(), session.result())); // the reply was lost
      }
      return; // an older request, duplicated by the network: the client has moved on
    }
    for (long index = commitIndex + 1; index <= log.size(); index++) {
      Entry entry = log.get((int) index - 1);
      if (entry.client() == client && entry.requestId() == request.requestId()) {
        return; // already in the log: the reply comes when it is applied
      }
    }
    log.add(new Entry(currentTerm, client, request.requestId(), request.command()));
    if (commitsOnAppend) {
      commitIndex = log.size(); // the bug: no majority has acknowledged this entry yet
      applyCommitted(context);
    }
  }

  // ---- the state machine ----

  private void applyCommitted(Context context) {
    while (lastApplied < commitIndex) {
      lastApplied++;
      Entry entry = log.get((int) lastApplied - 1);
      recordApplied(lastApplied, entry);
      if (entry.command() instanceof NoOp) {
        continue;
      }
      Session session = sessions.get(entry.client());
      if (session != null && session.requestId() >= entry.requestId()) {
        retriesSkipped++; // a request appended twice (by two leaders, or retried): applied once
        continue;
      }
      long result = execute(entry.command());
      sessions.put(entry.client(), new Session(entry.requestId(), result));
      if (role == Role.LEADER) {
        context.send(entry.client(), new ClientReply(entry.requestId(), result));
      }
    }
  }

  private long execute(Messages.Command command) {
    if (command instanceof Put put) {
      data.put(put.key(), put.value());
      return put.value();
    }
    Get get = (Get) command;
    Long value = data.get(get.key());
    return value == null ? RaftClient.ABSENT : value;
  }

  private void recordApplied(long index, Entry entry) {
    if (index <= ghostApplied.size()) {
      Entry before = ghostApplied.get((int) index - 1);
      if (!before.equals(entry) && ghostConflict == null) {
        ghostConflict = "applied " + entry + " at index " + index + " after applying " + before + " there";
      }
      return;
    }
    long previous = ghostDigests.isEmpty() ? 0 : ghostDigests.get(ghostDigests.size() - 1);
    ghostApplied.add(entry);
    ghostDigests.add(previous * 31 + entry.digest());
  }

  // ---- log helpers ----

  private long termAt(long index) {
    return index == 0 ? 0 : log.get((int) index - 1).term();
  }

  private long lastLogTerm() {
    return termAt(log.size());
  }

  /** Whether this server believes it leads the cluster. */
  public boolean isLeader() {
    return role == Role.LEADER;
  }

  /** This server's current term. */
  public long currentTerm() {
    return currentTerm;
  }
}
