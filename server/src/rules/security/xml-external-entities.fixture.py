import xml.sax
from xml.sax import handler

from lxml import etree


def parse_invoice(body):
    # ruleid: xml-external-entities
    parser = etree.XMLParser(resolve_entities=True)
    return etree.fromstring(body, parser)


def parse_feed(body):
    # ruleid: xml-external-entities
    parser = etree.XMLParser(no_network=False, huge_tree=True)
    return etree.fromstring(body, parser)


def parse_with_dtd(body):
    # ruleid: xml-external-entities
    return etree.fromstring(body, etree.XMLParser(load_dtd=True))


def sax_parser():
    parser = xml.sax.make_parser()
    # ruleid: xml-external-entities
    parser.setFeature(handler.feature_external_ges, True)
    return parser


def parse_safe(body):
    # ok: xml-external-entities
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(body, parser)


def sax_safe():
    parser = xml.sax.make_parser()
    # ok: xml-external-entities
    parser.setFeature(handler.feature_namespaces, True)
    return parser


def html(body):
    # ok: xml-external-entities
    return etree.fromstring(body, etree.XMLParser(remove_blank_text=True))
