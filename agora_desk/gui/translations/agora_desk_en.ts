<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <source>%n difference(s): {names} (also {stamp}, which differ between any two tokens)</source>
        <translation>
            <numerusform>%n difference: {names} (also {stamp}, which differ between any two tokens)</numerusform>
            <numerusform>%n differences: {names} (also {stamp}, which differ between any two tokens)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s): {names}</source>
        <translation>
            <numerusform>%n difference: {names}</numerusform>
            <numerusform>%n differences: {names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposerForm</name>
    <message numerus="yes">
        <source>composed of %n service(s)</source>
        <translation>
            <numerusform>composed of %n service</numerusform>
            <numerusform>composed of %n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectChecks</name>
    <message numerus="yes">
        <source>; %n warning(s)</source>
        <translation>
            <numerusform>; %n warning</numerusform>
            <numerusform>; %n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✗ {failed} of %n check(s) failed: {names}{tail}</source>
        <translation>
            <numerusform>✗ {failed} of %n check failed: {names}{tail}</numerusform>
            <numerusform>✗ {failed} of %n checks failed: {names}{tail}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ all %n check(s) passed{tail}</source>
        <translation>
            <numerusform>✓ all %n check passed{tail}</numerusform>
            <numerusform>✓ all %n checks passed{tail}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rtm2Form</name>
    <message numerus="yes">
        <source>user “{user}”, %n permission(s)</source>
        <translation>
            <numerusform>user “{user}”, %n permission</numerusform>
            <numerusform>user “{user}”, %n permissions</numerusform>
        </translation>
    </message>
</context>
</TS>
