using Evidentia.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Evidentia.Tests.Cli;

/// <summary><c>users add</c>, <c>audit verify</c>, <c>backup</c> and <c>restore</c> through the real executable.</summary>
public sealed class ReviewBoardCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Data => _folder.Combine("data");

    public void Dispose() => _folder.Dispose();

    // The console wraps long lines at its width.
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private Task<CliProcess.Result> AddUserAsync(string name, string role, string password = "a long enough password") =>
        CliProcess.RunWithInputAsync(password + "\n", "--data", Data, "users", "add", name, "--role", role, "--display-name", "Dr Test", "--credentials", "MD", "--password-stdin");

    [Fact]
    public async Task Should_Add_The_First_Admin_And_Refuse_A_Taken_Name_Or_A_Short_Password()
    {
        var added = await AddUserAsync("root", "admin");
        var taken = await AddUserAsync("ROOT", "reviewer");
        var weak = await AddUserAsync("weak", "editor", "short");
        var badRole = await AddUserAsync("x", "superuser");
        var list = await CliProcess.RunAsync("--data", Data, "users", "list");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Added root (Admin)", added.Out);
        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("taken", Flat(taken.Error));
        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("at least 12 characters", Flat(weak.Error));
        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("root", list.Out);
        Assert.DoesNotContain("weak", list.Out);
    }

    [Fact]
    public async Task Should_Verify_The_Audit_Trail_And_Find_A_Changed_Entry()
    {
        await AddUserAsync("alice", "admin");
        await AddUserAsync("bob", "reviewer");
        var intact = await CliProcess.RunAsync("--data", Data, "audit", "verify");

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "evidentia.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 1;";
            await tamper.ExecuteNonQueryAsync();
        }

        var broken = await CliProcess.RunAsync("--data", Data, "audit", "verify");

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("intact: 2 entries", Flat(intact.Out));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("entries 1–1 are missing (removed)", Flat(broken.Error));
    }

    [Fact]
    public async Task Should_Restore_A_Backup_And_Rebuild_The_Index()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "demo");
        await CliProcess.RunAsync("--data", Data, "ingest", demo);
        await AddUserAsync("alice", "admin");
        var backup = _folder.Combine("backup.db");

        var saved = await CliProcess.RunAsync("--data", Data, "backup", backup);
        var again = await CliProcess.RunAsync("--data", Data, "backup", backup);
        // Lose the data folder, then restore it from the backup.
        Directory.Delete(Data, recursive: true);
        var restored = await CliProcess.RunAsync("--data", Data, "restore", backup);
        var search = await CliProcess.RunAsync("--data", Data, "search", "hypertension", "--json");
        var users = await CliProcess.RunAsync("--data", Data, "users", "list");

        Assert.Equal(0, saved.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists", Flat(again.Error));
        Assert.Equal(0, restored.ExitCode);
        Assert.Contains("the index was rebuilt (3 documents)", Flat(restored.Out));
        Assert.Contains("hypertension-who-2021", search.Out);
        Assert.Contains("alice", users.Out);
    }

    [Fact]
    public async Task Should_Refuse_To_Restore_A_File_That_Is_Not_A_Backup()
    {
        var notBackup = _folder.File("notes.txt", "not a database");
        var empty = _folder.Combine("empty.db");
        await using (var connection = new SqliteConnection($"Data Source={empty};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (x)";
            await cmd.ExecuteNonQueryAsync();
        }

        var text = await CliProcess.RunAsync("--data", Data, "restore", notBackup);
        var other = await CliProcess.RunAsync("--data", Data, "restore", empty);
        var missing = await CliProcess.RunAsync("--data", Data, "restore", _folder.Combine("nothing.db"));

        Assert.Equal(2, text.ExitCode);
        Assert.Contains("not an Evidentia backup", Flat(text.Error));
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("not an Evidentia one", Flat(other.Error));
        Assert.Equal(2, missing.ExitCode);
        Assert.False(File.Exists(Path.Combine(Data, "evidentia.db.restoring")));
    }

    // Issue 25 (1): a damaged backup passed the old check (user_version and two tables), replaced the live database,
    // and the index rebuild then failed on it: the folder was lost.
    [Fact]
    public async Task Should_Refuse_A_Damaged_Backup_Or_One_Without_Its_Audit_Table_And_Keep_The_Live_Folder()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "demo");
        await CliProcess.RunAsync("--data", Data, "ingest", demo);
        await AddUserAsync("alice", "admin");
        var backup = _folder.Combine("backup.db");
        Assert.Equal(0, (await CliProcess.RunAsync("--data", Data, "backup", backup)).ExitCode);

        var damaged = _folder.Combine("damaged.db");
        File.Copy(backup, damaged);
        await using (var file = new FileStream(damaged, FileMode.Open, FileAccess.Write))
        {
            var junk = new byte[64 * 1024];
            new Random(25).NextBytes(junk);
            file.Position = Math.Max(4096, (file.Length / 2) - (junk.Length / 2));
            file.Write(junk);
        }

        var withoutAudit = _folder.Combine("without-audit.db");
        File.Copy(backup, withoutAudit);
        await using (var connection = new SqliteConnection($"Data Source={withoutAudit};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE audit";
            await drop.ExecuteNonQueryAsync();
        }

        var fromDamaged = await CliProcess.RunAsync("--data", Data, "restore", damaged);
        var fromWithoutAudit = await CliProcess.RunAsync("--data", Data, "restore", withoutAudit);
        var stats = await CliProcess.RunAsync("--data", Data, "stats");
        var search = await CliProcess.RunAsync("--data", Data, "search", "hypertension", "--json");
        var users = await CliProcess.RunAsync("--data", Data, "users", "list");

        Assert.Equal(2, fromDamaged.ExitCode);
        Assert.Contains("damaged", Flat(fromDamaged.Error));
        Assert.Contains("nothing was restored", Flat(fromDamaged.Error));
        Assert.Equal(2, fromWithoutAudit.ExitCode);
        Assert.Contains("lacks part of its schema", Flat(fromWithoutAudit.Error));
        Assert.Contains("table audit", Flat(fromWithoutAudit.Error));
        Assert.True(stats.ExitCode == 0, stats.Error);
        Assert.Contains("hypertension-who-2021", search.Out);
        Assert.Contains("alice", users.Out);
        await using (var live = new SqliteConnection($"Data Source={Path.Combine(Data, "evidentia.db")};Pooling=False"))
        {
            await live.OpenAsync();
            await using var check = live.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(Data, "*.restoring").Concat(Directory.EnumerateFileSystemEntries(Data, "*.previous")));
    }

    // Issue 25 (14): the docs promise an online backup, but backup, stats, audit verify and users list were refused
    // while a server held the folder.
    [Fact]
    public async Task Backup_And_Read_Only_Commands_Should_Work_Beside_A_Running_Server()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "demo");
        await CliProcess.RunAsync("--data", Data, "ingest", demo);
        await AddUserAsync("alice", "admin");
        var backup = _folder.Combine("online.db");

        await using (var workspace = await Evidentia.Cli.Workspace.OpenAsync(new Evidentia.Core.DataFolder(Data), CancellationToken.None))
        await using (var server = await WebServer.StartAsync(workspace.CreateWebBackend()))
        {
            // Written by the server while it runs: in its write-ahead log until a checkpoint.
            await new Evidentia.Web.Accounts.AccountService(workspace.Users, workspace.Audit, TimeProvider.System)
                .AddAsync("bob", "Dr Bob", null, Evidentia.Core.Accounts.Role.Reviewer, "a long enough password", "test", CancellationToken.None);
            var saved = await CliProcess.RunAsync("--data", Data, "backup", backup);
            var stats = await CliProcess.RunAsync("--data", Data, "stats");
            var verify = await CliProcess.RunAsync("--data", Data, "audit", "verify");
            var users = await CliProcess.RunAsync("--data", Data, "users", "list");
            var ingest = await CliProcess.RunAsync("--data", Data, "ingest", demo);

            Assert.True(saved.ExitCode == 0, saved.Error);
            Assert.True(stats.ExitCode == 0, stats.Error);
            Assert.Contains("index at", Flat(stats.Out));
            Assert.True(verify.ExitCode == 0, verify.Error);
            Assert.Contains("intact: 2 entries", Flat(verify.Out));
            Assert.Contains("bob", users.Out);
            // A command that writes the index still waits for the folder.
            Assert.Equal(1, ingest.ExitCode);
            Assert.Contains("in use by another Evidentia process", Flat(ingest.Error));
        }

        await using var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var cmd = copy.CreateCommand();
        cmd.CommandText = "SELECT group_concat(name) FROM (SELECT name FROM users ORDER BY name)";
        Assert.Equal("alice,bob", await cmd.ExecuteScalarAsync());
    }

    // Issue 25 (13): truncating the trail, deleting it, rewriting it with a recomputed chain, appending a forged
    // entry, or approving an article behind the triggers all verified as intact.
    [Theory]
    [InlineData("none", "")]
    [InlineData("truncate", "entries were removed")]
    [InlineData("delete all", "entries were removed")]
    [InlineData("rewrite", "the trail was rewritten")]
    [InlineData("append", "entries were added without the audit key")]
    [InlineData("forge head", "not signed with this installation's audit key")]
    [InlineData("approve behind", "is Approved but its audit trail says Submitted")]
    public async Task Audit_Verify_Should_Find_A_Trail_Tampered_With_Behind_Its_Triggers(string tampering, string found)
    {
        await using (var workspace = await Evidentia.Cli.Workspace.OpenAsync(new Evidentia.Core.DataFolder(Data), CancellationToken.None))
        {
            for (var i = 1; i <= 12; i++)
            {
                await workspace.Audit.AppendAsync("alice", "UserAdded", $"user u{i}", "{}", CancellationToken.None);
            }
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "evidentia.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            async Task Sql(string sql, params (string Name, object Value)[] parameters)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    cmd.Parameters.AddWithValue(name, value);
                }

                await cmd.ExecuteNonQueryAsync();
            }

            await Sql("DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update;");
            var entries = new List<Evidentia.Core.Audit.AuditEntry>();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT seq, utc, actor, action, subject, details, previous_hash, hash FROM audit ORDER BY seq";
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    entries.Add(new(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal), reader.GetString(2),
                        reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
                }
            }

            switch (tampering)
            {
                case "truncate":
                    await Sql("DELETE FROM audit WHERE seq > 2");
                    break;
                case "delete all":
                    await Sql("DELETE FROM audit");
                    break;
                case "rewrite":
                    // Entry 1's actor changed and every hash after it recomputed: the chain itself is consistent.
                    var previous = Evidentia.Core.Audit.AuditChain.Genesis;
                    foreach (var e in entries)
                    {
                        var actor = e.Sequence == 1 ? "mallory" : e.Actor;
                        var hash = Evidentia.Core.Audit.AuditChain.Hash(e.Sequence, e.Utc, actor, e.Action, e.Subject, e.Details, previous);
                        await Sql("UPDATE audit SET actor = @actor, previous_hash = @previous, hash = @hash WHERE seq = @seq",
                            ("@actor", actor), ("@previous", previous), ("@hash", hash), ("@seq", e.Sequence));
                        previous = hash;
                    }

                    break;
                case "append":
                    var last = entries[^1];
                    var utc = last.Utc.AddMinutes(1);
                    const string Details = "{\"from\":\"UnderReview\",\"to\":\"Approved\"}";
                    await Sql("INSERT INTO audit (seq, utc, actor, action, subject, details, previous_hash, hash) VALUES (@seq, @utc, 'mallory', 'Approve', 'article x v1', @details, @previous, @hash)",
                        ("@seq", last.Sequence + 1), ("@utc", utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)), ("@details", Details),
                        ("@previous", last.Hash), ("@hash", Evidentia.Core.Audit.AuditChain.Hash(last.Sequence + 1, utc, "mallory", "Approve", "article x v1", Details, last.Hash)));
                    break;
                case "forge head":
                    await Sql("UPDATE meta SET value = '12 ' || (SELECT hash FROM audit WHERE seq = 12) || ' ' || hex(randomblob(32)) WHERE key = 'audit_head'");
                    break;
                case "approve behind":
                    await Sql("""
                        INSERT INTO articles (id, slug, question, audience, outcome, status, version, created_utc, updated_utc)
                        VALUES ('a-1', 'a', 'q', 'Clinician', 'Answered', 'Approved', 1, '2026-12-07T00:00:00.000000Z', '2026-12-07T00:00:00.000000Z')
                        """);
                    break;
            }
        }

        var verify = await CliProcess.RunAsync("--data", Data, "audit", "verify");

        if (found.Length == 0)
        {
            Assert.True(verify.ExitCode == 0, verify.Error);
            Assert.Contains("intact: 12 entries", Flat(verify.Out));
        }
        else
        {
            Assert.Equal(1, verify.ExitCode);
            Assert.Contains(found, Flat(verify.Error));
        }
    }

    [Fact]
    public async Task Should_Change_A_Role_Disable_And_Enable_An_Account_And_Set_Its_Password_Each_Audited()
    {
        await AddUserAsync("bob", "reviewer");
        var role = await CliProcess.RunAsync("--data", Data, "users", "set-role", "bob", "editor");
        var disable = await CliProcess.RunAsync("--data", Data, "users", "disable", "BOB");
        var listed = await CliProcess.RunAsync("--data", Data, "users", "list");
        var enable = await CliProcess.RunAsync("--data", Data, "users", "enable", "bob");
        var password = await CliProcess.RunWithInputAsync("another long enough password\n", "--data", Data, "users", "password", "bob", "--password-stdin");
        var weak = await CliProcess.RunWithInputAsync("short\n", "--data", Data, "users", "password", "bob", "--password-stdin");
        var nobody = await CliProcess.RunAsync("--data", Data, "users", "disable", "nobody");
        var verify = await CliProcess.RunAsync("--data", Data, "audit", "verify");

        Assert.True(role.ExitCode == 0, role.Error);
        Assert.Contains("every session of the account has ended", Flat(role.Out));
        Assert.True(disable.ExitCode == 0, disable.Error);
        Assert.Contains("Editor", listed.Out);
        Assert.Contains("disabled", listed.Out);
        Assert.True(enable.ExitCode == 0, enable.Error);
        Assert.True(password.ExitCode == 0, password.Error);
        Assert.Equal(2, weak.ExitCode);
        Assert.Equal(2, nobody.ExitCode);
        Assert.Contains("There is no user 'nobody'", Flat(nobody.Error));
        Assert.Contains("intact: 5 entries", Flat(verify.Out));
    }
}
