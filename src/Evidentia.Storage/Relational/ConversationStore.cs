using Evidentia.Core.Conversations;
using Evidentia.Core.Questions;

namespace Evidentia.Storage.Relational;

/// <summary>Conversations: the turns of each thread, so a follow-up inherits its thread's focus.</summary>
public sealed class ConversationStore(Database database) : IConversationStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(string conversationId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ConversationTurn>>(async connection =>
        {
            await using var cmd = connection.Command(null,
                "SELECT turn, question, searched_as, type, focus, answer_id FROM conversation_turns WHERE conversation_id = @id ORDER BY turn",
                ("@id", conversationId));
            var turns = new List<ConversationTurn>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                turns.Add(new ConversationTurn(
                    conversationId, (int)reader.Integer(0), reader.GetString(1), reader.GetString(2),
                    Enum.Parse<QuestionType>(reader.GetString(3)), reader.NullableString(4), reader.GetString(5)));
            }

            return turns;
        }, cancellationToken);

    /// <inheritdoc />
    public Task AppendAsync(ConversationTurn turn, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, tx) =>
        {
            await using var cmd = connection.Command(tx, """
                INSERT INTO conversation_turns (conversation_id, turn, question, searched_as, type, focus, answer_id, created_utc)
                VALUES (@id, (SELECT COALESCE(MAX(turn), 0) + 1 FROM conversation_turns WHERE conversation_id = @id),
                        @question, @searched, @type, @focus, @answer, @created)
                """,
                ("@id", turn.ConversationId), ("@question", turn.Question), ("@searched", turn.SearchedAs),
                ("@type", turn.Type.ToString()), ("@focus", turn.Focus), ("@answer", turn.AnswerId), ("@created", Times.Format(DateTimeOffset.UtcNow)));
            return await cmd.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
