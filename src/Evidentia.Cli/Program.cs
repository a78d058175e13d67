using Evidentia.Cli.Commands;

return await EvidentiaCommand.Create().Parse(args).InvokeAsync();
