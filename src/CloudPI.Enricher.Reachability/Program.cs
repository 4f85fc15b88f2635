using CloudPI.Commands;

var root = ComponentRoot.For(CloudPI.Commands.Enrichers.EnricherCommands.CreateReachability());
return await CliApp.RunAsync(args, root, "cloudpi-enricher-reachability").ConfigureAwait(false);
