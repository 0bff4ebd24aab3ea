package com.acme.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.security.PublicKey;

public class Tokens {
    static String subject(String token) {
        // ruleid: jwt-no-verify
        DecodedJWT jwt = JWT.decode(token);
        return jwt.getSubject();
    }

    static Object claims(String token) {
        // ruleid: jwt-no-verify
        return Jwts.parser().parse(token).getBody();
    }

    static Claims unsigned(String token, PublicKey key) {
        // ruleid: jwt-no-verify
        return Jwts.parserBuilder().setSigningKey(key).build().parseClaimsJwt(token).getBody();
    }

    static Claims verified(String token, PublicKey key) {
        // ok: jwt-no-verify
        return Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
    }

    static Claims legacy(String token, PublicKey key) {
        // ok: jwt-no-verify
        return Jwts.parserBuilder().setSigningKey(key).build().parseClaimsJws(token).getBody();
    }

    static java.time.LocalDate date(String text) {
        // ok: jwt-no-verify
        return java.time.LocalDate.parse(text);
    }
}
