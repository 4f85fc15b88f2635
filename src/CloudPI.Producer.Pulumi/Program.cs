using CloudPI.Commands;

var root = ComponentRoot.For(CloudPI.Commands.Producers.PulumiProducerCommand.Create());
return await CliApp.RunAsync(args, root, "cloudpi-producer-pulumi").ConfigureAwait(false);
