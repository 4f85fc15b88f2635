
€œ¸Øaws-inspector“
?arn:aws:ec2:us-east-1:800868000056:instance/i-0d039a49b5763eee95Software and Configuration Checks/Vulnerabilities/CVECVE-2024-6387 - openssh-server )333333 @0:ÓInspector package vulnerability CVE-2024-6387 in openssh-server 8.7p1-38.el9
CvssVector: CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H
Package: openssh-server 8.7p1-38.el9
FixAvailable: YES
ExploitAvailable: YES
BunknownJCVE-2024-6387ì
i-06149ff6c2594eb245Software and Configuration Checks/Vulnerabilities/CVE CVE-2023-38408 - openssh-clients )š™™™™™#@0:ÕInspector package vulnerability CVE-2023-38408 in openssh-clients 8.7p1-29.el9
CvssVector: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
Package: openssh-clients 8.7p1-29.el9
FixAvailable: YES
ExploitAvailable: NO
BunknownJCVE-2023-38408