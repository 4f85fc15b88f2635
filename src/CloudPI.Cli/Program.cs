return await CloudPI.Commands.CliApp.RunAsync(args).ConfigureAwait(false);
