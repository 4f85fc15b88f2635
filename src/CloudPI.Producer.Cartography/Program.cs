using CloudPI.Commands;

var root = ComponentRoot.For(CloudPI.Commands.Producers.CartographyProducerCommand.Create());
return await CliApp.RunAsync(args, root, "cloudpi-producer-cartography").ConfigureAwait(false);
