package dev.helios.bench.pingpong;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;

/** A ping-pong node: counts each token it receives and passes it to a random other node. */
@Node
public final class TokenNode {
  private static final Integer BOXED_TOKEN = 7;

  int nodeCount;
  TokenKind tokenKind;
  long receivedCount;
  long checksum;

  /** A node of a ring of {@code nodeCount} nodes, passing tokens of {@code tokenKind}. */
  public TokenNode(int nodeCount, TokenKind tokenKind) {
    this.nodeCount = nodeCount;
    this.tokenKind = tokenKind;
  }

  @OnStart
  void onStart(Context context) {
    pass(tokenKind == TokenKind.RECORD ? Token.INSTANCE : BOXED_TOKEN, context);
  }

  @OnMessage
  void onToken(Token token, Context context) {
    receive(context);
    pass(token, context);
  }

  @OnMessage
  void onBoxedToken(Integer token, Context context) {
    receive(context);
    pass(token, context);
  }

  private void receive(Context context) {
    receivedCount++;
    checksum += context.nowMicros() * (context.self() + 1);
  }

  private void pass(Object token, Context context) {
    context.send(PingPong.drawOther(context.random(), context.self(), nodeCount), token);
  }
}
