using System.Globalization;
using Evidentia.Core.Conversations;
using Evidentia.Core.Questions;
using Microsoft.Data.Sqlite;

namespace Evidentia.Storage.Sqlite;

/// <summary>Conversations in the embedded SQLite database (its own connection to the same file).</summary>
public sealed class SqliteConversationStore : IConversationStore, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteConversationStore(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteConversationStore> OpenAsync(string databasePath, CancellationToken cancellationToken) =>
        new(await SqliteMigrations.OpenAsync(databasePath, cancellationToken));

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT turn, question, searched_as, type, focus, answer_id FROM conversation_turns WHERE conversation_id = $id ORDER BY turn";
            cmd.Parameters.AddWithValue("$id", conversationId);
            var turns = new List<ConversationTurn>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                turns.Add(new ConversationTurn(
                    conversationId, reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                    Enum.Parse<QuestionType>(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
            }

            return turns;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task AppendAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = """
                INSERT INTO conversation_turns (conversation_id, turn, question, searched_as, type, focus, answer_id, created_utc)
                VALUES ($id, $turn, $question, $searched, $type, $focus, $answer, $created)
                """;
            cmd.Parameters.AddWithValue("$id", turn.ConversationId);
            cmd.Parameters.AddWithValue("$turn", turn.Turn);
            cmd.Parameters.AddWithValue("$question", turn.Question);
            cmd.Parameters.AddWithValue("$searched", turn.SearchedAs);
            cmd.Parameters.AddWithValue("$type", turn.Type.ToString());
            cmd.Parameters.AddWithValue("$focus", (object?)turn.Focus ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$answer", turn.AnswerId);
            cmd.Parameters.AddWithValue("$created", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }
}
