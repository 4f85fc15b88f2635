using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Ebs;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// EBS volumes are encrypted: <c>aws:ebs/volume:Volume</c>, instance root and EBS block devices, and launch
/// template block device mappings. An absent <c>encrypted</c> is covered by an EncryptionByDefault in the stack
/// (the sample ignored it and the block devices); a volume from a snapshot inherits the snapshot's encryption.
/// </summary>
public sealed class EncryptedVolumesCheck() : IacCheck(EncryptedVolumes.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new EncryptedVolumesCheck());

    public override int Position => 5;

    private const string AcceptEncryptionByDefault = "acceptEncryptionByDefault";

    public override IReadOnlyList<CheckParameter> Parameters { get; } =
    [
        CheckParameter.Flag(AcceptEncryptionByDefault, "Whether an aws:ebs/encryptionByDefault:EncryptionByDefault in the stack covers volumes that do not set encrypted.", true),
    ];

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(parameters);
        bool? accountDefault = parameters.Flag(AcceptEncryptionByDefault) ? AccountEncryptsByDefault(stack) : false;
        foreach (var volume in stack.OfType("aws:ebs/volume:Volume"))
        {
            var fromSnapshot = !volume.Property("snapshotId").IsMissing;
            yield return Decide(volume, [("encrypted", volume.Property("encrypted"))], accountDefault, fromSnapshot);
        }

        foreach (var instance in stack.OfType("aws:ec2/instance:Instance"))
        {
            var devices = instance.Property("ebsBlockDevices").Items()
                .Select((device, i) => ($"ebsBlockDevices[{i}].encrypted", device["encrypted"]))
                .Prepend(("rootBlockDevice.encrypted", instance.Property("rootBlockDevice")["encrypted"]));
            yield return Decide(instance, devices.ToList(), accountDefault, fromSnapshot: false);
        }

        foreach (var template in stack.OfType("aws:ec2/launchTemplate:LaunchTemplate"))
        {
            var devices = template.Property("blockDeviceMappings").Items()
                .Select((mapping, i) => (Path: $"blockDeviceMappings[{i}].ebs.encrypted", Ebs: mapping["ebs"]))
                .Where(d => !d.Ebs.IsMissing) // instance-store (virtualName) mappings have no EBS volume.
                .Select(d => (d.Path, d.Ebs["encrypted"]))
                .ToList();
            if (devices.Count > 0)
            {
                yield return Decide(template, devices, accountDefault, fromSnapshot: false);
            }
        }
    }

    /// <summary>True when an EncryptionByDefault is enabled (its default), null when that is not known.</summary>
    private static bool? AccountEncryptsByDefault(IacStack stack)
    {
        var settings = stack.OfType("aws:ebs/encryptionByDefault:EncryptionByDefault").Select(r => r.Property("enabled")).ToList();
        if (settings.Any(s => s.IsMissing || s.Bool == true))
        {
            return true;
        }

        return settings.Any(s => s.IsUnknown) || !stack.ListsEveryResource ? null : false;
    }

    private CheckResult Decide(IacResource resource, IReadOnlyList<(string Path, IacValue Encrypted)> devices, bool? accountDefault, bool fromSnapshot)
    {
        var results = devices.Select(d => DecideDevice(resource, d.Path, d.Encrypted, accountDefault, fromSnapshot)).ToList();
        return results.FirstOrDefault(r => r.Verdict == Verdict.Fail)
            ?? results.FirstOrDefault(r => r.Verdict == Verdict.Unknown)
            ?? results[0];
    }

    private CheckResult DecideDevice(IacResource resource, string path, IacValue encrypted, bool? accountDefault, bool fromSnapshot)
    {
        if (encrypted.IsUnknown)
        {
            return Unknown(resource, path, $"{path} is not known before deployment");
        }

        if (encrypted.Bool is { } explicitly)
        {
            return explicitly ? Pass(resource, $"{path} is true") : Fail(resource, path, $"{path} is false");
        }

        return accountDefault switch
        {
            true => Pass(resource, $"{path} is absent but EBS encryption by default is enabled in this stack"),
            _ when fromSnapshot => Unknown(resource, path, $"{path} is absent: the volume inherits its snapshot's encryption"),
            null => Unknown(resource, path, $"{path} is absent and whether EBS encryption by default is enabled is not known from this input"),
            false => Fail(resource, path, $"{path} is absent (unencrypted) and no EncryptionByDefault is enabled in this stack"),
        };
    }
}
