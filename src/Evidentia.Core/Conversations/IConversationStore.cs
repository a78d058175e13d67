namespace Evidentia.Core.Conversations;

/// <summary>Where conversations are kept (SQLite embedded, PostgreSQL scaled out).</summary>
public interface IConversationStore
{
    /// <summary>The turns of a conversation in order; empty for an unknown id.</summary>
    Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends a turn (its <see cref="ConversationTurn.Turn"/> is the next number of its conversation).</summary>
    Task AppendAsync(ConversationTurn turn, CancellationToken cancellationToken);
}
