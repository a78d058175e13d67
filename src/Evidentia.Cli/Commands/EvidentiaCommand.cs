using System.CommandLine;

namespace Evidentia.Cli.Commands;

/// <summary>The root <c>evidentia</c> command and its subcommands.</summary>
public static class EvidentiaCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            """
            Evidentia: a self-hostable clinical answer engine. It indexes guidelines, papers and patient
            information, and answers questions with every sentence cited to an exact quote of a source.

            Everything lives in one data folder (a SQLite store and a Lucene index); no network, no keys.
            The first 'ask' or 'search' on an empty data folder ingests the default corpus.

            Examples:
              evidentia ask "What is the treatment for Noonan syndrome?"
              evidentia ingest ../shared/data
              evidentia search "metformin lactic acidosis" --top 5
              evidentia search --queries dev.jsonl --run run.trec
              evidentia serve --urls http://127.0.0.1:5080
            """)
        {
            GlobalOptions.Data,
            GlobalOptions.Postgres,
        };
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        return root;
    }
}
