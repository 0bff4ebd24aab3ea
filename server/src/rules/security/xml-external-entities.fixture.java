package com.acme.xml;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import org.dom4j.io.SAXReader;
import org.w3c.dom.Document;

class InvoiceParser {
    Document parse(InputStream body) throws Exception {
        // ruleid: xml-external-entities
        DocumentBuilder db = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        return db.parse(body);
    }

    Object stax(InputStream body) throws Exception {
        // ruleid: xml-external-entities
        return XMLInputFactory.newFactory().createXMLStreamReader(body);
    }

    Object sax() throws Exception {
        // ruleid: xml-external-entities
        return SAXParserFactory.newInstance().newSAXParser();
    }

    Object dom4j(InputStream body) throws Exception {
        // ruleid: xml-external-entities
        return new SAXReader().read(body);
    }
}

class SafeInvoiceParser {
    Document parse(InputStream body) throws Exception {
        // ok: xml-external-entities
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(body);
    }
}

class SafeStax {
    Object stax(InputStream body) throws Exception {
        // ok: xml-external-entities
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return xif.createXMLStreamReader(body);
    }

    Document create() throws Exception {
        // ok: xml-external-entities
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    }

    Object dates() throws Exception {
        // ok: xml-external-entities
        return DatatypeFactory.newInstance();
    }
}
