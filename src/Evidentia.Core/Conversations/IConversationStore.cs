namespace Evidentia.Core.Conversations;

/// <summary>Where conversations are kept (SQLite embedded, PostgreSQL scaled out).</summary>
public interface IConversationStore
{
    /// <summary>The turns of a conversation in order; empty for an unknown id.</summary>
    Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a turn as the next of its conversation: the store numbers it (in its serialised write), so two turns
    /// appended at once never collide; <see cref="ConversationTurn.Turn"/> is not used.
    /// </summary>
    Task AppendAsync(ConversationTurn turn, CancellationToken cancellationToken);
}
